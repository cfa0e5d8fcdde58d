import BoltzmannCore

extension Dataset {
    /// A random split into a training and a test set, reproducible from `seed`.
    ///
    /// The rows are shuffled by a Fisher–Yates shuffle driven by `RandomStream(seed: seed)`
    /// (so the split depends on the seed only, not on the platform), the first
    /// `round(testFraction · count)` shuffled rows form the test set and the rest the training
    /// set; each part keeps the shuffled order. Labels follow their rows.
    ///
    /// - Throws: `BoltzmannError` when `testFraction` is not strictly between 0 and 1, or when
    ///   either part would be empty.
    public func split(testFraction: Double, seed: UInt64) throws(BoltzmannError) -> (train: Dataset, test: Dataset) {
        guard testFraction > 0, testFraction < 1 else {
            throw BoltzmannError(
                "the test fraction \(testFraction) is not strictly between 0 and 1",
                fix: "pass a fraction such as 0.2 (20 % of the samples for testing)", source: name)
        }
        let testCount = Int((testFraction * Double(count)).rounded())
        guard testCount > 0, testCount < count else {
            throw BoltzmannError(
                "splitting \(count) samples with test fraction \(testFraction) leaves one part empty",
                fix: "use more samples or a test fraction nearer 0.5", source: name)
        }
        var order = Array(0..<count)
        var random = RandomStream(seed: seed)
        for position in stride(from: count - 1, to: 0, by: -1) {
            order.swapAt(position, random.uniformIndex(below: position + 1))
        }
        return (train: selecting(Array(order[testCount...])), test: selecting(Array(order[..<testCount])))
    }
}
