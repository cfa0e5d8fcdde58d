// Dense Hopfield models live here.
