import BoltzmannCore

/// The kinds of RBM units the toolkit implements; the raw value is the name saved in archives.
public enum RBMUnitKind: String, Sendable, Codable, CaseIterable {
    /// Binary units x ∈ {0, 1} (``BernoulliLayer``).
    case bernoulli
    /// Ising units x ∈ {−1, +1} (``SpinLayer``).
    case spin
    /// Real units with a Gaussian energy γx²/2 − θx (``GaussianLayer``).
    case gaussian

    /// Whether a unit takes finitely many values (so a layer of them can be enumerated).
    public var isDiscrete: Bool { self != .gaussian }
}

/// A layer of `kind` with `count` units from saved parameters (``RBMLayer/parameters``):
/// "bias" for every kind and "precision" for Gaussian units.
///
/// - Throws: `BoltzmannError` when a parameter is missing, has a length other than `count`, is
///   not finite, or a precision is not positive (the message names the parameter).
public func makeRBMLayer(
    kind: RBMUnitKind, count: Int, parameters: [String: [Float]]
) throws(BoltzmannError) -> any RBMLayer {
    guard count >= 0 else {
        throw BoltzmannError(
            "a \(kind.rawValue) layer cannot have \(count) units", fix: "give a non-negative unit count")
    }
    func vector(_ key: String) throws(BoltzmannError) -> [Float] {
        guard let values = parameters[key] else {
            throw BoltzmannError(
                "the \(kind.rawValue) layer's parameter \"\(key)\" is missing",
                fix: "supply \"\(key)\" with \(count) values", source: key)
        }
        guard values.count == count else {
            throw BoltzmannError(
                "the \(kind.rawValue) layer's parameter \"\(key)\" has \(values.count) values but the layer has \(count) units",
                fix: "supply one value per unit", source: key)
        }
        if let bad = values.firstIndex(where: { !$0.isFinite }) {
            throw BoltzmannError(
                "the \(kind.rawValue) layer's parameter \"\(key)\" holds \(values[bad]) at unit \(bad)",
                fix: "the parameters diverged or the file is damaged; retrain with a smaller learning rate or restore a good copy",
                source: key)
        }
        return values
    }
    switch kind {
    case .bernoulli:
        return BernoulliLayer(bias: try vector("bias"))
    case .spin:
        return SpinLayer(bias: try vector("bias"))
    case .gaussian:
        let bias = try vector("bias")
        let precision = try vector("precision")
        if let bad = precision.firstIndex(where: { $0 <= 0 }) {
            throw BoltzmannError(
                "the Gaussian layer's precision at unit \(bad) is \(precision[bad]); precisions must be positive",
                fix: "use positive precisions γ (the energy γx²/2 must confine the unit)", source: "precision")
        }
        return GaussianLayer(bias: bias, precision: precision)
    }
}
