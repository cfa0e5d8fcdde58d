/// The map between the p = 2 dense model and the Hopfield model in the conventions of Amit,
/// Gutfreund and Sompolinsky (AGS).
///
/// Derivation. The dense Gardner Hamiltonian at p = 2 with M = αN/2 memories is
/// H = −(2/N) Σ_μ Σ_{i<j} ξ^μ_i ξ^μ_j σ_i σ_j = −N Σ_μ m_μ² + M, while AGS use
/// H_AGS = −(1/2N) Σ_μ Σ_{i≠j} ξ^μ_i ξ^μ_j σ_i σ_j = −(N/2) Σ_μ m_μ² + M/2 with load
/// α_AGS = M/N. So H = 2 H_AGS exactly: the Boltzmann weights agree when β_AGS = 2β, and
/// α_AGS = M/N = α/2. Hence T_AGS = T/2, and every AGS line T_AGS(α_AGS) reads
/// T = 2 T_AGS(α/2) in dense units: the paramagnet–spin-glass line T_AGS = 1 + √α_AGS becomes
/// T = 2(1 + √(α/2)), the finite-M retrieval transition T_AGS = 1 becomes T = 2, and the
/// capacity α_AGS,c ≈ 0.138 becomes α_c ≈ 0.276. The free entropy ln Z/N = −β_AGS f_AGS is
/// the same number in both conventions. (The Krotov form F(x) = x² adds the constant −M and
/// changes nothing.) The Hamiltonian identity is checked against BoltzmannModels' p = 2 network
/// in the tests.
///
/// Source: D. J. Amit, H. Gutfreund, H. Sompolinsky, Phys. Rev. Lett. 55, 1530 (1985);
/// Ann. Phys. 173, 30 (1987).
public enum AGSConventions {
    /// α_AGS = α/2.
    public static func agsAlpha(denseAlpha alpha: Double) -> Double { alpha / 2 }
    /// T_AGS = T/2 (β_AGS = 2β).
    public static func agsTemperature(denseTemperature t: Double) -> Double { t / 2 }
    /// α = 2 α_AGS.
    public static func denseAlpha(agsAlpha alpha: Double) -> Double { 2 * alpha }
    /// T = 2 T_AGS.
    public static func denseTemperature(agsTemperature t: Double) -> Double { 2 * t }

    /// The RS paramagnet–spin-glass line T_AGS = 1 + √α_AGS. Derivation: for small q the AGS
    /// equations give q ≈ β²α r with r = q/(1 − β)², so q > 0 first appears at
    /// β√α = 1 − β, i.e. T = 1 + √α.
    public static func spinGlassTemperature(agsAlpha alpha: Double) -> Double {
        1 + alpha.squareRoot()
    }
}
