print("boltzmann: CLI under construction")
