import BoltzmannCore

/// A phase diagram over (α, T) for one kind of scenario: the RS phase, order parameters and
/// free entropy at every grid point, and the transition lines as (α, T) curves.
///
/// Lines:
/// - on the Nishimori line (p ≥ 3), the analytic spinodal T_sp(α) = √(α/c_sp) and
///   thermodynamic transition T_th(α) = √(α/c_th) of ``NishimoriLine``, at every α of the grid;
/// - for p ≥ 3, where the RS paramagnet's entropy ln 2 − c/2 vanishes, T = √(α/(2 ln 2)): below
///   it a paramagnet label is unphysical (see ``RSSolver``);
/// - for the p = 2 direct model, the AGS paramagnet–spin-glass line T = 2(1 + √(α/2))
///   (``AGSConventions``), for T_AGS > 1 where it is the RS instability of the paramagnet;
/// - for every scenario, the boundaries between grid rows: wherever the phase changes between
///   T_i and T_{i+1} in a column, the boundary temperature is bisected (24 halvings, i.e. to
///   6e−8 of the cell) with full ``RSSolver`` solves, and collected into a line named
///   "lower–upper" (e.g. "gR–lR").
///
/// Grid points and boundary columns are solved in parallel; each is independent, so the result
/// does not depend on the number of workers.
public struct PhaseDiagram: Sendable, Codable {
    /// One solved grid point.
    public struct Point: Sendable, Hashable, Codable {
        public var alpha: Double
        public var temperature: Double
        public var phase: Phase
        public var qStar: Double
        public var q: Double
        public var m: Double
        public var freeEntropy: Double
        public var converged: Bool
    }

    /// A point of a transition line.
    public struct LinePoint: Sendable, Hashable, Codable {
        public var alpha: Double
        public var temperature: Double
    }

    /// A transition line, sorted by α.
    public struct Line: Sendable, Hashable, Codable {
        public var name: String
        public var points: [LinePoint]
    }

    public let template: DenseTeacherStudent
    public let alphas: [Double]
    public let temperatures: [Double]
    /// Row-major by temperature: points[i·alphas.count + j] is (α_j, T_i).
    public let points: [Point]
    public let lines: [Line]
    /// Whether every grid point converged.
    public let converged: Bool

    static let bisections = 24

    /// Solves `template` (its α and T replaced; on the Nishimori line T* follows T) on the grid.
    /// - Throws: `BoltzmannError` for empty axes or any invalid grid scenario (e.g. T ≤ 0).
    public static func compute(
        template: DenseTeacherStudent, alphas: [Double], temperatures: [Double],
        solver: RSSolver = RSSolver(), refineBoundaries: Bool = true, workers: Int? = nil
    ) throws(BoltzmannError) -> PhaseDiagram {
        guard !alphas.isEmpty, !temperatures.isEmpty else {
            throw BoltzmannError("the phase diagram needs at least one α and one T",
                                 fix: "pass non-empty axes", source: "grid")
        }
        try solver.validateSettings()
        let sortedT = temperatures.sorted()
        var scenarios: [DenseTeacherStudent] = []
        scenarios.reserveCapacity(alphas.count * sortedT.count)
        for t in sortedT {
            guard t > 0 else {
                throw BoltzmannError("phase-diagram temperatures must be positive, got \(t)",
                                     fix: "pass T > 0", source: "T")
            }
            for alpha in alphas { scenarios.append(try template.with(alpha: alpha, temperature: t)) }
        }
        let workerCount = workers ?? ParallelBlocks.processorCount
        let output = SharedBuffer<Point?>(repeating: nil, count: scenarios.count)
        let allScenarios = scenarios
        let blockSize = 8
        ParallelBlocks.run(blockCount: (scenarios.count + blockSize - 1) / blockSize, workers: workerCount) {
            block in
            for index in (block * blockSize)..<min((block + 1) * blockSize, allScenarios.count) {
                let scenario = allScenarios[index]
                let solution = try? solver.solve(scenario)
                let state = solution?.orderParameters
                output.write(Point(
                    alpha: scenario.alpha, temperature: scenario.temperature,
                    phase: solution?.phase ?? .paramagnet,
                    qStar: state?.qStar ?? .nan, q: state?.q ?? .nan, m: state?.m ?? .nan,
                    freeEntropy: solution?.equilibrium.freeEntropy ?? .nan,
                    converged: solution?.converged ?? false), at: index)
            }
        }
        let points = output.array.compactMap { $0 }
        precondition(points.count == scenarios.count, "every grid point is written exactly once")
        var lines = analyticLines(template: template, alphas: alphas)
        if refineBoundaries {
            lines += boundaries(
                template: template, alphas: alphas, temperatures: sortedT, points: points,
                solver: solver, workers: workerCount)
        }
        return PhaseDiagram(
            template: template, alphas: alphas, temperatures: sortedT, points: points,
            lines: lines, converged: points.allSatisfy(\.converged))
    }

    /// The grid point (α index j, T index i).
    public func point(alpha j: Int, temperature i: Int) -> Point { points[i * alphas.count + j] }

    static func analyticLines(template: DenseTeacherStudent, alphas: [Double]) -> [Line] {
        let sortedAlphas = alphas.sorted()
        // The RS paramagnet's entropy ln 2 − c/2 vanishes at c = 2 ln 2 (p ≥ 3; see RSSolver).
        let entropyCrisis = Line(name: "paramagnet entropy zero", points: sortedAlphas.map {
            LinePoint(alpha: $0, temperature: ($0 / (2 * 0.693_147_180_559_945_3)).squareRoot())
        })
        if template.nishimori, let line = try? NishimoriLine(p: template.p) {
            let transitions = line.transitions()
            guard transitions.converged else { return [entropyCrisis] }
            return [
                Line(name: "spinodal", points: sortedAlphas.map {
                    LinePoint(alpha: $0, temperature: transitions.spinodalTemperature(alpha: $0))
                }),
                Line(name: "thermodynamic", points: sortedAlphas.map {
                    LinePoint(alpha: $0, temperature: transitions.thermodynamicTemperature(alpha: $0))
                }),
                entropyCrisis,
            ]
        }
        if template.p == 2 && !template.hasTeacher {
            return [Line(name: "spin glass (AGS)", points: sortedAlphas.map { alpha in
                let agsAlpha = AGSConventions.agsAlpha(denseAlpha: alpha)
                return LinePoint(alpha: alpha, temperature: AGSConventions.denseTemperature(
                    agsTemperature: AGSConventions.spinGlassTemperature(agsAlpha: agsAlpha)))
            })]
        }
        return [entropyCrisis]
    }

    static func boundaries(
        template: DenseTeacherStudent, alphas: [Double], temperatures: [Double], points: [Point],
        solver: RSSolver, workers: Int
    ) -> [Line] {
        guard temperatures.count >= 2 else { return [] }
        struct Crossing: Sendable { var name: String; var point: LinePoint }
        let columns = SharedBuffer<[Crossing]>(repeating: [], count: alphas.count)
        ParallelBlocks.run(blockCount: alphas.count, workers: workers) { j in
            var found: [Crossing] = []
            for i in 0..<(temperatures.count - 1) {
                let lowPhase = points[i * alphas.count + j].phase
                let highPhase = points[(i + 1) * alphas.count + j].phase
                guard lowPhase != highPhase else { continue }
                var low = temperatures[i], high = temperatures[i + 1]
                for _ in 0..<bisections {
                    let middle = 0.5 * (low + high)
                    guard let scenario = try? template.with(alpha: alphas[j], temperature: middle),
                          let phase = try? solver.solve(scenario).phase else { break }
                    if phase == lowPhase { low = middle } else { high = middle }
                }
                found.append(Crossing(
                    name: "\(lowPhase.rawValue)–\(highPhase.rawValue)",
                    point: LinePoint(alpha: alphas[j], temperature: 0.5 * (low + high))))
            }
            columns.write(found, at: j)
        }
        var lines: [Line] = []
        for crossing in columns.array.joined() {
            if let k = lines.firstIndex(where: { $0.name == crossing.name }) {
                lines[k].points.append(crossing.point)
            } else {
                lines.append(Line(name: crossing.name, points: [crossing.point]))
            }
        }
        for k in lines.indices { lines[k].points.sort { $0.alpha < $1.alpha } }
        return lines
    }
}
