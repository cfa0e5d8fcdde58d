import BoltzmannCore
import BoltzmannModels
import Foundation
import Testing

/// Brute-force Gardner energy: −(p!/N^{p−1}) Σ_μ Σ_{i1<…<ip} Π ξσ, as an exact integer numerator
/// Σ_μ Σ_subsets Π (times p!) over the denominator N^{p−1}, by enumerating the subsets.
private func gardnerNumerator(_ memories: PatternMatrix, _ spins: [Int8], order p: Int) -> Int64 {
    let n = memories.size
    var total: Int64 = 0
    var subset = Array(0..<p)
    func advance() -> Bool {
        var k = p - 1
        while k >= 0 && subset[k] == n - p + k { k -= 1 }
        if k < 0 { return false }
        subset[k] += 1
        for j in (k + 1)..<p { subset[j] = subset[j - 1] + 1 }
        return true
    }
    repeat {
        for mu in 0..<memories.count {
            var product: Int64 = 1
            for i in subset { product *= Int64(memories[pattern: mu, site: i]) * Int64(spins[i]) }
            total += product
        }
    } while advance()
    var factorial: Int64 = 1
    for k in 1...p { factorial *= Int64(k) }
    return total * factorial
}

private func power(_ x: Double, _ k: Int) -> Double { (0..<k).reduce(1.0) { acc, _ in acc * x } }

@Suite("Dense Hopfield interactions")
struct DenseInteractionTests {
    @Test("Newton's identities give the Krawtchouk counts e_k(S; n)", arguments: [1, 4, 7, 10])
    func elementarySymmetric(n: Int) {
        func binomial(_ a: Int, _ b: Int) -> Int64 {
            guard b >= 0, b <= a else { return 0 }
            var r: Int64 = 1
            for j in 0..<b { r = r * Int64(a - j) / Int64(j + 1) }
            return r
        }
        for k in 0...(n + 1) {
            for plus in 0...n {
                let s = 2 * plus - n
                var count: Int64 = 0
                for j in 0...k {
                    let sign: Int64 = (k - j) % 2 == 0 ? 1 : -1
                    count += sign * binomial(plus, j) * binomial(n - plus, k - j)
                }
                #expect(ElementarySymmetric.value(order: k, sum: s, count: n) == count, "k = \(k), S = \(s), n = \(n)")
                #expect(abs(ElementarySymmetric.approximateValue(order: k, sum: s, count: n) - Double(count)) <= 1e-9 * max(1, abs(Double(count))))
            }
        }
    }

    @Test("Gardner flip energies equal brute-force energy differences", arguments: [2, 3, 4, 5])
    func gardnerFlipEnergy(p: Int) throws {
        var stream = RandomStream(seed: 11, stream: UInt64(p))
        let n = 9
        let memories = try PatternMatrix.random(count: 4, size: n, stream: &stream)
        let network = try DenseHopfieldNetwork(memories: memories, order: p, form: .gardner)
        let denominator = power(Double(n), p - 1)
        for _ in 0..<6 {
            let spins = try PatternMatrix.random(count: 1, size: n, stream: &stream).values
            let before = gardnerNumerator(memories, spins, order: p)
            #expect(try network.energy(spins) == -Double(before) / denominator)
            for i in 0..<n {
                var flipped = spins
                flipped[i] = -flipped[i]
                let after = gardnerNumerator(memories, flipped, order: p)
                let exact = Double(before - after) / denominator
                #expect(try network.flipEnergy(site: i, spins: spins) == exact, "p = \(p), site \(i)")
                #expect(try network.localField(site: i, spins: spins) == exact * Double(spins[i]) / 2)
            }
        }
    }

    @Test("Closed-form Gardner fields for p = 3 and p = 4 (cavity overlaps)")
    func gardnerClosedForms() throws {
        var stream = RandomStream(seed: 5)
        let n = 12
        let memories = try PatternMatrix.random(count: 7, size: n, stream: &stream)
        let spins = try PatternMatrix.random(count: 1, size: n, stream: &stream).values
        let three = try DenseHopfieldNetwork(memories: memories, order: 3, form: .gardner)
        let four = try DenseHopfieldNetwork(memories: memories, order: 4, form: .gardner)
        let nn = Double(n)
        for i in 0..<n {
            var h3 = 0.0
            var h4 = 0.0
            for mu in 0..<memories.count {
                let xi = Double(memories[pattern: mu, site: i])
                let u = Double(memories.overlap(pattern: mu, with: spins)) - xi * Double(spins[i])
                h3 += xi * (u * u - (nn - 1))
                h4 += xi * (u * u * u - (3 * nn - 5) * u)
            }
            #expect(abs(try three.localField(site: i, spins: spins) - 3 * h3 / (nn * nn)) < 1e-12)
            #expect(abs(try four.localField(site: i, spins: spins) - 4 * h4 / (nn * nn * nn)) < 1e-12)
        }
    }

    @Test("Krotov energies and flip energies equal −N Σ F(m) recomputed", arguments: [2, 3, 4, 5])
    func krotovForms(p: Int) throws {
        var stream = RandomStream(seed: 21, stream: UInt64(p))
        let n = 10
        let memories = try PatternMatrix.random(count: 6, size: n, stream: &stream)
        let forms: [(DenseHopfieldForm, (Double) -> Double)] = [
            (.krotov(.power), { power($0, p) }),
            (.krotov(.rectifiedPower), { power(max($0, 0), p) }),
            (.krotov(.exponential(rate: 3)), { Foundation.exp(3 * ($0 - 1)) }),
        ]
        for (form, f) in forms {
            let network = try DenseHopfieldNetwork(memories: memories, order: p, form: form)
            func direct(_ spins: [Int8]) -> Double {
                -Double(n) * memories.overlaps(with: spins).reduce(0.0) { $0 + f(Double($1) / Double(n)) }
            }
            for _ in 0..<4 {
                let spins = try PatternMatrix.random(count: 1, size: n, stream: &stream).values
                let e = try network.energy(spins)
                #expect(abs(e - direct(spins)) <= 1e-12 * max(1, abs(e)), "\(form)")
                for i in 0..<n {
                    var flipped = spins
                    flipped[i] = -flipped[i]
                    let expected = direct(flipped) - direct(spins)
                    #expect(abs(try network.flipEnergy(site: i, spins: spins) - expected) <= 1e-11 * max(1, abs(e)), "\(form) site \(i)")
                }
            }
        }
    }

    @Test("Integer flip tables: Krotov x³ is 6u² + 2, Gardner p = 3 is 6(u² − (N − 1))")
    func flipTables() throws {
        let n = 16
        let krotov = try DenseInteraction(order: 3, form: .krotov(.power), size: n)
        let gardner = try DenseInteraction(order: 3, form: .gardner, size: n)
        let k = try #require(krotov.integerFlipTable())
        let g = try #require(gardner.integerFlipTable())
        for u in stride(from: -(n - 1), through: n - 1, by: 2) {
            #expect(k[u + n - 1] == Int64(6 * u * u + 2))
            #expect(g[u + n - 1] == Int64(6 * (u * u - (n - 1))))
        }
        #expect(try DenseInteraction(order: 3, form: .krotov(.exponential(rate: 1)), size: n).integerFlipTable() == nil)
        #expect(try DenseInteraction(order: 7, form: .krotov(.power), size: 1024).integerFlipTable() == nil)
    }

    @Test("Invalid parameters throw instead of trapping")
    func invalidParameters() {
        #expect(throws: BoltzmannError.self) { try DenseInteraction(order: 1, form: .gardner, size: 10) }
        #expect(throws: BoltzmannError.self) { try DenseInteraction(order: 3, form: .krotov(.exponential(rate: -1)), size: 10) }
        #expect(throws: BoltzmannError.self) { try DenseLoad.exampleCount(alpha: 0, order: 3, size: 10) }
        #expect(throws: BoltzmannError.self) { try DenseLoad.exampleCount(alpha: 1e-6, order: 3, size: 10) }
    }

    @Test("Load M = α N^{p−1}/p!")
    func load() throws {
        #expect(try DenseLoad.exampleCount(alpha: 3, order: 3, size: 256) == 32768)
        #expect(try DenseLoad.exampleCount(alpha: 9, order: 3, size: 256) == 98304)
        #expect(try DenseLoad.exampleCount(alpha: 0.276, order: 2, size: 1000) == 138)
        #expect(abs(try DenseLoad.alpha(exampleCount: 32768, order: 3, size: 256) - 3) < 1e-12)
        #expect(try DenseLoad.exampleCount(alpha: 2, order: 4, size: 30) == 2250)
    }
}
