print("bench under construction")
