import BoltzmannCore
import RealModule

extension UpdateRule {
    /// Decides one single-spin-flip attempt with energy change ΔE at inverse temperature β.
    ///
    /// With u one `uniform()` from `stream` and x = β ΔE:
    /// - heat bath: flip iff u < 1 / (1 + eˣ);
    /// - Metropolis: flip iff u < e^{−x} (always when x ≤ 0);
    /// - zero temperature: flip iff ΔE < 0; no draw.
    ///
    /// Heat bath and Metropolis draw exactly one uniform per call, also when the outcome is
    /// certain, so a chain's position in its stream depends only on the number of attempts.
    /// The shortcuts that avoid the exponential give the same decisions in floating point: for
    /// x ≥ 0 the heat-bath probability 1/(1 + eˣ) is ≤ ½, for x < 0 it is > ½. Every kernel
    /// calls this one function, so kernels that compute the same ΔE (the exact integer
    /// numerator divided once by N^{p−1}) take identical decisions.
    ///
    /// - Precondition: β finite for heat bath and Metropolis (the samplers map T = 0 to
    ///   `.zeroTemperature`).
    @inlinable @inline(__always)
    public func accepts(energyChange deltaE: Double, beta: Double, stream: inout RandomStream) -> Bool {
        switch self {
        case .heatBath:
            let u = stream.uniform()
            let x = beta * deltaE
            if x >= 0 {
                if u >= 0.5 { return false }
            } else if u < 0.5 {
                return true
            }
            return u < 1 / (1 + Double.exp(x))
        case .metropolis:
            let u = stream.uniform()
            let x = beta * deltaE
            if x <= 0 { return true }
            return u < Double.exp(-x)
        case .zeroTemperature:
            return deltaE < 0
        }
    }
}
