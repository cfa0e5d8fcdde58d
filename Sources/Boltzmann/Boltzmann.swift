@_exported import BoltzmannCore
@_exported import BoltzmannPlot
