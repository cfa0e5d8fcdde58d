/// The two first-order transitions on the Nishimori line, in c = α/T².
public struct NishimoriTransitions: Sendable, Hashable, Codable {
    public var p: Int
    /// c_sp: below it the only solution is q = 0.
    public var spinodalC: Double
    /// c_th: above it the learning state has larger free entropy than the paramagnet.
    public var thermodynamicC: Double
    /// q* (= q) of the learning state at c_sp.
    public var qStarAtSpinodal: Double
    /// q* of the learning state at c_th.
    public var qStarAtThermodynamic: Double
    /// ĥ at c_sp.
    public var conjugateAtSpinodal: Double
    /// ĥ at c_th.
    public var conjugateAtThermodynamic: Double
    public var converged: Bool
    /// Brent iterations of both root-finds.
    public var iterations: Int
    public var message: String?

    /// T_sp(α) = √(α/c_sp): the learning state exists for T ≤ T_sp.
    public func spinodalTemperature(alpha: Double) -> Double { (alpha / spinodalC).squareRoot() }
    /// T_th(α) = √(α/c_th): the learning state is the equilibrium for T < T_th.
    public func thermodynamicTemperature(alpha: Double) -> Double { (alpha / thermodynamicC).squareRoot() }
    /// α_sp(T) = c_sp T².
    public func spinodalAlpha(temperature: Double) -> Double { spinodalC * temperature * temperature }
    /// α_th(T) = c_th T².
    public func thermodynamicAlpha(temperature: Double) -> Double {
        thermodynamicC * temperature * temperature
    }

    static func failure(p: Int, message: String) -> Self {
        Self(p: p, spinodalC: .nan, thermodynamicC: .nan, qStarAtSpinodal: .nan,
             qStarAtThermodynamic: .nan, conjugateAtSpinodal: .nan, conjugateAtThermodynamic: .nan,
             converged: false, iterations: 0, message: message)
    }
}
