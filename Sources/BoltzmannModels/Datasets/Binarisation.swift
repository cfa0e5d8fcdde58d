import BoltzmannCore

/// Turns real-valued data (pixel intensities, say) into the states of binary units by a
/// threshold: x ≥ t becomes the "on" state.
///
/// - `threshold(t)`: x ≥ t → 1, else 0, for Bernoulli units.
/// - `spinThreshold(t)`: x ≥ t → +1, else −1, for spin units.
///
/// The comparison is `≥`, so with the digits (pixels 0…16) `threshold(8)` switches on pixels of
/// intensity 8 and above (about 37 % of them). Data are finite (every `DatasetLoader` checks),
/// so no NaN reaches the comparison.
public enum Binarisation: Sendable, Equatable {
    case threshold(Float)
    case spinThreshold(Float)

    /// The threshold t.
    public var threshold: Float {
        switch self {
        case .threshold(let value), .spinThreshold(let value): value
        }
    }

    /// The (off, on) values written for x < t and x ≥ t.
    public var states: (off: Float, on: Float) {
        switch self {
        case .threshold: (0, 1)
        case .spinThreshold: (-1, 1)
        }
    }

    /// `samples` with every entry replaced by the off or on state.
    public func apply(_ samples: Matrix<Float>) -> Matrix<Float> {
        var result = samples
        let (off, on) = states
        let t = threshold
        result.withUnsafeMutableBufferPointer { values in
            for index in values.indices {
                values[index] = values[index] >= t ? on : off
            }
        }
        return result
    }
}

extension Dataset {
    /// The data set with its samples binarised (labels and name kept).
    public func binarised(_ binarisation: Binarisation) -> Dataset {
        Dataset(samples: binarisation.apply(samples), labels: labels, name: name)
    }

    /// The data set with every value multiplied by `factor`, e.g. `scaled(by: 1.0 / 16)` maps
    /// the digits' pixels 0…16 onto [0, 1] (and `1.0 / 255` does the same for MNIST).
    ///
    /// - Throws: `BoltzmannError` when `factor` is not finite or is zero (which would erase
    ///   the data).
    public func scaled(by factor: Float) throws(BoltzmannError) -> Dataset {
        guard factor.isFinite, factor != 0 else {
            throw BoltzmannError(
                "cannot scale the data by \(factor)", fix: "pass a finite, non-zero factor (e.g. 1/16 or 1/255)",
                source: name)
        }
        var result = samples
        result.withUnsafeMutableBufferPointer { values in
            for index in values.indices { values[index] *= factor }
        }
        return Dataset(samples: result, labels: labels, name: name)
    }
}
