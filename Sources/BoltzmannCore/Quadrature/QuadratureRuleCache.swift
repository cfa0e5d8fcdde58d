import Foundation

/// A thread-safe memo of quadrature rules by order, so that constructing a rule of an order
/// seen before costs one uncontended lock and an array lookup (about 60 ns), not an eigenvalue
/// problem. Rules are computed outside the lock; if two threads race on a new order, both
/// compute it and the first stored value wins, so every caller sees the same arrays.
final class QuadratureRuleCache: @unchecked Sendable {
    /// Nodes and weights of one rule.
    struct Rule: Sendable {
        let nodes: [Double]
        let weights: [Double]
    }

    private let lock = NSLock()
    /// `rules[order]`, grown on demand. Every access holds `lock`, so the runtime's dynamic
    /// exclusivity check (a measurable share of a cache hit) is redundant and switched off.
    @exclusivity(unchecked) private var rules: [Rule?] = []
    private let compute: @Sendable (Int) -> Rule

    init(compute: @escaping @Sendable (Int) -> Rule) {
        self.compute = compute
    }

    func rule(order: Int) -> Rule {
        if let cached = stored(order: order) { return cached }
        let fresh = compute(order)
        lock.lock()
        defer { lock.unlock() }
        if rules.count <= order {
            rules.append(contentsOf: repeatElement(nil, count: order + 1 - rules.count))
        }
        if let winner = rules[order] { return winner }
        rules[order] = fresh
        return fresh
    }

    private func stored(order: Int) -> Rule? {
        lock.lock()
        defer { lock.unlock() }
        return order < rules.count ? rules[order] : nil
    }
}
