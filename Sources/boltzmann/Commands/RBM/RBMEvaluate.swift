import ArgumentParser
import Boltzmann
import Foundation

/// `boltzmann rbm evaluate`: log-likelihood (exact or by AIS), pseudo-likelihood and
/// reconstruction error of a saved RBM on a data file.
struct RBMEvaluate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Log-likelihood, pseudo-likelihood and reconstruction error of a trained RBM on data.",
        discussion: """
            logLikelihood is the mean over the samples of log p(v) = −F(v) − log Z. log Z is \
            computed exactly (logZMethod "exact") by enumerating the smaller discrete layer when \
            it has at most --exact-limit units (or in closed form for two Gaussian layers), and \
            otherwise estimated by annealed importance sampling (logZMethod "ais") with \
            --ais-chains chains on a linear ladder of --ais-steps βs. logLikelihoodError is the \
            standard error of log Z (0 when exact); dataStandardError is the spread of log p(v) \
            over the samples divided by √n; ess is AIS's effective sample size. AIS errs low on \
            log Z in expectation, so its log-likelihoods err high.

            pseudoLikelihood is the mean over samples and units of log p(v_i | v_−i) (discrete \
            visible units only; null for Gaussian ones); reconstructionError is the mean squared \
            error of E[v | E[h | v]].

            Prepare the data as for training (--label-column, --binarize, --scale).

            Example: boltzmann rbm evaluate --model digits-rbm --data digits --binarize 8 --format json
            """)

    @Option(help: ArgumentHelp("The model folder written by `rbm train`.", valueName: "dir")) var model: String
    @OptionGroup var dataOptions: RBMDataOptions
    @Option(help: "log Z: auto (exact when possible), exact or ais.") var logz: String = "auto"
    @Option(help: "Largest layer enumerated for an exact log Z (the cost doubles with every unit).") var exactLimit: Int = 22
    @Option(help: "AIS chains (run in blocks of 32 on every core; the result does not depend on the core count).") var aisChains: Int = 100
    @Option(help: "AIS steps (βs between 0 and 1).") var aisSteps: Int = 10_000
    @Option(help: "AIS seed.") var seed: UInt64 = 0
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard ["auto", "exact", "ais"].contains(logz) else {
            throw ValidationError("unknown --logz \(logz); use auto, exact or ais")
        }
        guard (1...30).contains(exactLimit) else {
            throw ValidationError("--exact-limit \(exactLimit) is outside 1…30 (2^30 states already take minutes)")
        }
        guard aisChains >= 2 else { throw ValidationError("--ais-chains \(aisChains): AIS needs at least 2 chains for an error bar") }
        guard aisSteps >= 1 else { throw ValidationError("--ais-steps \(aisSteps): give at least 1 step (1000–10000 are usual)") }
    }

    func run() throws {
        let (rbm, _) = try RBMArchive.load(from: URL(fileURLWithPath: model))
        let dataset = try dataOptions.load(for: rbm.visible.kind)
        try dataOptions.check(dataset, fits: rbm)

        var record = ResultRecord()
        let logZ: Double
        var logZError = 0.0
        var method = "exact"
        var ais: AISEstimate?
        if logz != "ais", let exact = try exactLogZ(rbm) {
            logZ = exact
        } else {
            let estimate = try AnnealedImportanceSampling(
                chainCount: aisChains, schedule: .linear(steps: aisSteps), seed: seed
            ).estimate(rbm)
            logZ = estimate.logZ
            logZError = estimate.standardError
            method = "ais"
            ais = estimate
        }
        let freeEnergies = rbm.freeEnergy(visible: dataset.samples)
        let count = Double(freeEnergies.count)
        let meanLogProbability = logLikelihood(rbm, data: dataset.samples, logZ: logZ)
        let spread = freeEnergies.reduce(0.0) { sum, energy in
            let deviation = -energy - logZ - meanLogProbability
            return sum + deviation * deviation
        } / max(1, count - 1)

        record["logLikelihood"] = .number(meanLogProbability)
        record["logLikelihoodError"] = .number(logZError)
        record["logZ"] = .number(logZ)
        record["logZMethod"] = .text(method)
        record["pseudoLikelihood"] = rbm.visible.kind.isDiscrete
            ? .number(try pseudoLikelihood(rbm, data: dataset.samples)) : .null
        record["reconstructionError"] = .number(reconstructionError(rbm, data: dataset.samples))
        record["dataStandardError"] = .number((spread / count).squareRoot())
        record["samples"] = .integer(dataset.count)
        record["visibleUnits"] = .integer(rbm.visibleCount)
        record["hiddenUnits"] = .integer(rbm.hiddenCount)
        if let ais {
            record["ess"] = .number(ais.effectiveSampleSize)
            record["logZLowerBound"] = .number(ais.lowerBound)
            record["logZUpperBound"] = .number(ais.upperBound)
            record["aisChains"] = .integer(aisChains)
            record["aisSteps"] = .integer(aisSteps)
        }
        output.emit(record)
    }

    /// The exact log Z when a layer is small enough (nil under --logz auto otherwise; an error
    /// under --logz exact).
    func exactLogZ(_ rbm: RestrictedBoltzmannMachine) throws -> Double? {
        do {
            return try ExactLogPartition.compute(rbm, maxEnumeratedUnits: exactLimit)
        } catch {
            // Two Gaussian layers are always done in closed form: an error there means Z = ∞.
            let bothGaussian = rbm.visible.kind == .gaussian && rbm.hidden.kind == .gaussian
            guard logz == "exact" || bothGaussian else { return nil }
            throw BoltzmannError(error.problem, fix: "use --logz ais (or auto), or raise --exact-limit", source: model)
        }
    }
}
