// BoltzmannLearning: training models on data. Filled by the RBM training work.
