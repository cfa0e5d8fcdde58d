import BoltzmannCore
import BoltzmannModels

extension RBMTeacher {
    /// Examples of the teacher by block Gibbs sampling of its RBM (``RBMTeacher/machine()``):
    /// `chains` independent chains from uniformly random visible states, `burnInSweeps` sweeps
    /// v → h → v each, then one example per chain every `sweepsBetween` sweeps until `count`
    /// examples exist (row-major `count` × N, ±1; chain c gives examples c, c + chains, …).
    ///
    /// This is the sampler for teachers too large for the exact enumeration of
    /// ``sampleExamples(count:stream:)`` (P* > ``maxEnumeratedHidden``). Its examples are exact
    /// only in the limit of long burn-in; with weights O(β*/√N) the chains decorrelate in a few
    /// sweeps away from the teacher's own ordering transition. Draws: the initial states, then the
    /// sweeps, all from `stream` in order.
    ///
    /// - Throws: `BoltzmannError` when count < 0, chains < 1, burnInSweeps < 0 or sweepsBetween < 1.
    public func blockGibbsExamples(
        count: Int, chains: Int, burnInSweeps: Int, sweepsBetween: Int, stream: inout RandomStream
    ) throws(BoltzmannError) -> [Int8] {
        guard count >= 0, chains >= 1, burnInSweeps >= 0, sweepsBetween >= 1 else {
            throw BoltzmannError(
                "block Gibbs needs count ≥ 0, chains ≥ 1, burn-in ≥ 0 and spacing ≥ 1 (got \(count), \(chains), \(burnInSweeps), \(sweepsBetween))",
                fix: "pass valid sampler settings", source: "teacher sampler")
        }
        let rbm = machine()
        var start = [Int8](repeating: 0, count: chains * size)
        stream.fillRademacher(&start)
        var state = RBMChainState(
            visible: Matrix(rows: chains, columns: size) { Float(start[$0 * size + $1]) },
            hidden: Matrix(rows: chains, columns: hiddenCount))
        for _ in 0..<burnInSweeps { rbm.gibbsSweep(&state, random: &stream) }
        var examples = [Int8](repeating: 0, count: count * size)
        var produced = 0
        while produced < count {
            if produced > 0 { for _ in 0..<sweepsBetween { rbm.gibbsSweep(&state, random: &stream) } }
            for chain in 0..<min(chains, count - produced) {
                for i in 0..<size { examples[(produced + chain) * size + i] = state.visible[chain, i] > 0 ? 1 : -1 }
            }
            produced += min(chains, count - produced)
        }
        return examples
    }
}
