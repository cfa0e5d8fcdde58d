@_exported import BoltzmannCore
@_exported import BoltzmannPlot
@_exported import BoltzmannModels
@_exported import BoltzmannSampling
@_exported import BoltzmannTheory
@_exported import BoltzmannLearning
@_exported import BoltzmannExperiments
