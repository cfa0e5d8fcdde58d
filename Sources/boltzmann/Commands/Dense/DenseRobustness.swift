import ArgumentParser
import Boltzmann

/// `boltzmann dense robustness`: the example-substitution attack at T = 0.
struct DenseRobustness: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "robustness",
        abstract: "Critical fraction ε_c of the example-substitution attack, in closed form and by Monte Carlo.",
        discussion: """
            The student starts at the teacher ξ*; a fraction ε of its entries is replaced by those \
            of one training example; zero-temperature dynamics then either returns to ξ* or is \
            captured by the example. Balancing the local fields p m^{p−1} (example, m = ε) and \
            p α η q*^{p−1} (teacher, q* = 1 − ε) gives ε_c = a/(1 + a), a = (αη)^{1/(p−1)}. \
            With --simulate the return probability is measured at each --epsilons value on a \
            student whose M = α N^{p−1}/p! examples are r-noise copies of the teacher \
            (--correlation r); their mean-field teacher pull is M r^p q*^{p−1}, so the closed form \
            printed next to the measurement uses αη = M r^p (noise from the other examples is \
            neglected, as in the derivation).

            Example: boltzmann dense robustness --p 4 --alpha 1 --simulate --epsilons 0.3:0.7:9
            """)

    @Option(name: .customLong("p"), help: "Interaction order p ≥ 2.") var p: Int
    @Option(help: "Load α > 0.") var alpha: Double
    @Option(help: "Signal strength η (1 for a noiseless teacher).") var eta: Double = 1
    @Flag(help: "Also run the attack by Monte Carlo.") var simulate = false
    @Option(help: "Attack fractions ε for --simulate (default 0.05:0.95:19).") var epsilons: ParameterList?
    @Option(help: "Correlation r of the r-noise examples for --simulate.") var correlation: Double = 0.3
    @Option(help: "Attacks per ε.") var trials: Int = 20
    @Option(help: "Which example attacks: typical or most-aligned.") var example: String = "typical"
    @Option(help: "Number of spins N for --simulate.") var size: Int = 64
    @Option(help: "Run seed.") var seed: UInt64 = 1
    @Option(help: "Folder for robustness.svg and robustness.csv (with --simulate).") var out: String = "out"
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard p >= 2 else { throw ValidationError("--p \(p) is invalid: the interaction order must be at least 2") }
        guard alpha > 0, alpha.isFinite else { throw ValidationError("--alpha \(alpha) is invalid: the load must be positive") }
        guard trials >= 1 else { throw ValidationError("--trials must be at least 1") }
    }

    func run() throws {
        var critical = try AdversarialRobustness.criticalFraction(alpha: alpha, p: p, eta: eta)
        guard simulate else {
            output.emit(ResultRecord(["p": .integer(p), "alpha": .number(alpha), "eta": .number(eta), "epsilonCritical": .number(critical)]))
            return
        }
        guard let choice = ExampleSubstitutionAttack.ExampleChoice(rawValue: example) else {
            throw ValidationError("unknown --example \(example); use typical or most-aligned")
        }
        let m = try DenseLoad.exampleCount(alpha: alpha, order: p, size: size)
        let scenario = try DenseTeacherStudentScenario(
            order: p, teacherOrder: p, temperature: 0, teacherTemperature: 1, size: size, exampleCount: m,
            exampleSource: .noisyCopies(correlation: correlation))
        let problem = try scenario.makeProblem(stream: RandomStream(seed: seed, stream: 0))
        let signal = Double(m) * Double.pow(correlation, p)
        critical = try AdversarialRobustness.criticalFraction(alpha: alpha, p: p, eta: signal / alpha)
        let fractions = try (epsilons ?? ParameterList(argument: "0.05:0.95:19"))?.nonEmpty("epsilons") ?? []
        let attack = try ExampleSubstitutionAttack(
            epsilons: fractions, trials: trials, exampleChoice: choice, seed: seed)
        let points = try attack.run(problem)
        let records = points.map { point in
            ResultRecord([
                "epsilon": .number(point.epsilon), "returnProbability": .number(point.returnProbability),
                "returnProbabilityError": .number(point.returnProbabilityError), "finalQStar": .number(point.finalQStar),
                "epsilonCritical": .number(critical), "trials": .integer(point.trials), "M": .integer(m),
            ])
        }
        var figure = Figure(title: "Example-substitution attack, p = \(p), α = \(alpha), N = \(size)")
        figure.xAxis = Axis(label: "ε", range: 0...1)
        figure.yAxis = Axis(label: "return probability", range: -0.05...1.05)
        figure.add(.points(x: points.map(\.epsilon), y: points.map(\.returnProbability),
                           yError: points.map(\.returnProbabilityError), label: "Monte Carlo, T = 0"))
        figure.add(.line(x: [critical, critical], y: [-0.05, 1.05], label: "closed-form ε_{c}", style: .dashed, color: .black))
        let files = FigureOutput(folder: out, name: "robustness")
        try files.write(figure: figure, records: records)
        output.emit(records)
        files.announce()
    }
}
