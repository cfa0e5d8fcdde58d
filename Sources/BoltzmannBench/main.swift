import Boltzmann
print(_probeDot())
