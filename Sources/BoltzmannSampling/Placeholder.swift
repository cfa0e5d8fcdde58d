// Monte Carlo lives here.
