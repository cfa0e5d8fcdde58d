// Replica theory lives here.
