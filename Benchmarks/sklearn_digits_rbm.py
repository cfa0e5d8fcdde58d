#!/usr/bin/env python3
"""scikit-learn's BernoulliRBM on the binarised digits, scored by the exact held-out log-likelihood.

This is the peer side of Boltzmann's log-likelihood comparison (issue #4): the test
`sklearnComparison` in Tests/BoltzmannLearningTests trains Boltzmann's PCD with the same
settings and checks that its held-out exact log-likelihood is at least the one of the weights
this script saves.

Data: Data/digits.csv.gz (1797 rows: 64 pixels 0..16, then the label). Binarised with
pixel >= 8 -> 1, else 0. Split without shuffling: the first 1438 rows (80 %) train, the last 359
are held out.

Model: BernoulliRBM(n_components=H, learning_rate, batch_size, n_iter, random_state) fitted on
the training rows, once per random state (the held-out log-likelihood of one PCD run varies by
about +-0.5 nats with the seed, so the comparison uses the mean over several runs) (scikit-learn's "SML" = PCD with one Gibbs step, hidden probabilities in both
gradient terms, batch gradient lr/batch * sum = lr * mean, no momentum, no weight decay).

Exact evaluation (H <= ~20): with a the visible bias, b the hidden bias, W (V x H),
  F(v)   = -a.v - sum_j softplus(b_j + (v W)_j)
  log Z  = logsumexp over the 2^H hidden states h of [ b.h + sum_i softplus(a_i + (W h)_i) ]
  log-likelihood = mean over rows of -F(v) - log Z.

Outputs (--out DIR): per random state r a folder DIR/random-state-r with weights.npy (V x H
float32, = components_.T), visible.bias.npy and hidden.bias.npy (float32, 1 x n), the file names
of Boltzmann's RBMArchive; and DIR/sklearn_digits_rbm.json with the settings, each run's
log Z, train and held-out log-likelihoods, and their mean.

Usage: python3 Benchmarks/sklearn_digits_rbm.py [--hidden 16] [--epochs 30] [--batch-size 20]
           [--learning-rate 0.05] [--random-states 0,1,2,3,4]
           [--out Tests/BoltzmannLearningTests/Fixtures/sklearn-digits-rbm]
Runs in any Python with numpy and scikit-learn (e.g. the peers' virtualenv .build-peers/venv).
"""
import argparse
import json
import os
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_DATA = os.path.normpath(os.path.join(HERE, "..", "Data", "digits.csv.gz"))
TRAIN_ROWS = 1438


def load_binarised_digits(path):
    raw = np.loadtxt(path, delimiter=",", dtype=np.float64)
    assert raw.shape == (1797, 65), raw.shape
    return (raw[:, :64] >= 8).astype(np.float64)


def softplus(x):
    return np.logaddexp(0.0, x)


def log_partition(W, a, b, chunk=4096):
    """Exact log Z by enumerating the hidden layer (W is V x H)."""
    H = W.shape[1]
    total = []
    for start in range(0, 2 ** H, chunk):
        codes = np.arange(start, min(start + chunk, 2 ** H))
        h = ((codes[:, None] >> np.arange(H)[None, :]) & 1).astype(np.float64)
        total.append(h @ b + softplus(h @ W.T + a).sum(axis=1))
    values = np.concatenate(total)
    m = values.max()
    return float(m + np.log(np.exp(values - m).sum()))


def mean_log_likelihood(W, a, b, v, log_z):
    free = -v @ a - softplus(v @ W + b).sum(axis=1)
    return float((-free - log_z).mean())


def save_matrix(path, values):
    np.save(path, np.ascontiguousarray(values, dtype=np.float32))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=DEFAULT_DATA)
    ap.add_argument("--hidden", type=int, default=16)
    ap.add_argument("--epochs", type=int, default=30)
    ap.add_argument("--batch-size", type=int, default=20)
    ap.add_argument("--learning-rate", type=float, default=0.05)
    ap.add_argument("--random-states", default="0,1,2,3,4")
    ap.add_argument("--out", default=None, help="folder for the weights and the JSON summary")
    args = ap.parse_args()

    import sklearn
    from sklearn.neural_network import BernoulliRBM

    data = load_binarised_digits(args.data)
    train, held_out = data[:TRAIN_ROWS], data[TRAIN_ROWS:]
    runs = []
    for state in [int(r) for r in args.random_states.split(",") if r]:
        rbm = BernoulliRBM(n_components=args.hidden, learning_rate=args.learning_rate,
                           batch_size=args.batch_size, n_iter=args.epochs,
                           random_state=state, verbose=0)
        start = time.perf_counter()
        rbm.fit(train)
        seconds = time.perf_counter() - start
        # Scored exactly as saved: float32 parameters.
        W = rbm.components_.T.astype(np.float32).astype(np.float64)
        a = rbm.intercept_visible_.astype(np.float32).astype(np.float64)
        b = rbm.intercept_hidden_.astype(np.float32).astype(np.float64)
        log_z = log_partition(W, a, b)
        runs.append({
            "random_state": state, "fit_seconds": seconds, "log_z": log_z,
            "train_log_likelihood": mean_log_likelihood(W, a, b, train, log_z),
            "held_out_log_likelihood": mean_log_likelihood(W, a, b, held_out, log_z),
        })
        if args.out:
            folder = os.path.join(args.out, f"random-state-{state}")
            os.makedirs(folder, exist_ok=True)
            save_matrix(os.path.join(folder, "weights.npy"), W)
            save_matrix(os.path.join(folder, "visible.bias.npy"), a[None, :])
            save_matrix(os.path.join(folder, "hidden.bias.npy"), b[None, :])
    summary = {
        "peer": f"scikit-learn {sklearn.__version__} BernoulliRBM",
        "data": "digits, pixel >= 8 -> 1; rows 0..<1438 train, 1438..<1797 held out",
        "hidden": args.hidden, "epochs": args.epochs, "batch_size": args.batch_size,
        "learning_rate": args.learning_rate, "runs": runs,
        "mean_held_out_log_likelihood": float(np.mean([r["held_out_log_likelihood"] for r in runs])),
    }
    if args.out:
        with open(os.path.join(args.out, "sklearn_digits_rbm.json"), "w") as f:
            json.dump(summary, f, indent=2, sort_keys=True)
            f.write("\n")
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
