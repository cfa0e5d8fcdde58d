import BoltzmannCore

/// Everything that determines an RBM training run besides the data and the initial model.
///
/// With the same configuration (seed included), model and data, `RBMTrainer` produces
/// bit-identical weights, also across an interruption and `resume`, and whatever the OpenBLAS
/// thread count (see `RBMTrainer`).
public struct RBMTrainingConfiguration: Sendable, Codable, Equatable {
    /// How the negative (model) phase of the gradient is sampled.
    public enum Method: Sendable, Codable, Equatable {
        /// CD-k (Hinton 2002): chains start at the mini-batch and run k Gibbs steps.
        case contrastiveDivergence(steps: Int)
        /// PCD-k / SML (Tieleman 2008; Younes 1989): persistent chains advance k Gibbs steps per
        /// mini-batch and are never reset.
        case persistent(steps: Int)
        /// PCD-k whose chains are the β = 1 replica of parallel tempering on `ladder`, with one
        /// exchange round per mini-batch after the k steps (Desjardins et al., AISTATS 2010).
        case parallelTempering(ladder: TemperatureLadder, steps: Int)

        /// Gibbs steps per mini-batch.
        public var steps: Int {
            switch self {
            case .contrastiveDivergence(let steps), .persistent(let steps),
                .parallelTempering(_, let steps):
                return steps
            }
        }
    }

    /// Centering (Melchior, Fischer & Wiskott, JMLR 17(99), 2016): the energy is written with
    /// offsets μ (visible) and λ (hidden) as −(v−μ)ᵀW(h−λ) − b̃ᵀ(v−μ) − c̃ᵀ(h−λ); gradient steps are
    /// taken in (W, b̃, c̃) and converted back to the ordinary biases. μ starts at the data mean,
    /// λ at the mean hidden activation on the data; after each mini-batch both move towards the
    /// batch's data means with the sliding rate ν ("dd" variant of the paper).
    public struct Centering: Sendable, Codable, Equatable {
        /// ν in (0, 1]: offset ← (1 − ν)·offset + ν·batch mean.
        public var slidingRate: Float
        public init(slidingRate: Float = 0.01) { self.slidingRate = slidingRate }
    }

    /// What is measured after each epoch (on the first `rows` rows of the training data).
    public struct Monitor: Sendable, Codable, Equatable {
        /// Rows of the training data used; 0 turns the measurements off.
        public var rows: Int
        /// Pseudo-likelihood per visible unit (discrete visible units only).
        public var pseudoLikelihood: Bool
        /// Mean squared reconstruction error of E[v | E[h | v]].
        public var reconstructionError: Bool
        public init(rows: Int = 500, pseudoLikelihood: Bool = true, reconstructionError: Bool = true) {
            self.rows = rows
            self.pseudoLikelihood = pseudoLikelihood
            self.reconstructionError = reconstructionError
        }
        /// No measurements (fastest).
        public static let none = Monitor(rows: 0, pseudoLikelihood: false, reconstructionError: false)
    }

    public var method: Method
    /// Planned number of epochs (the horizon of a decaying learning rate; `train` runs up to it
    /// by default).
    public var epochs: Int
    /// Rows per mini-batch; the rows are shuffled each epoch and the last batch may be smaller.
    public var batchSize: Int
    public var learningRate: LearningRateSchedule
    /// Momentum μ in [0, 1): velocity ← μ·velocity + η·(gradient − λ_wd·W); parameter += velocity.
    public var momentum: Float
    /// L2 weight decay λ_wd ≥ 0 on the weights (not the biases).
    public var weightDecay: Float
    /// Centering offsets, or nil for the ordinary parametrisation.
    public var centering: Centering?
    /// Persistent chains per replica (PCD and PT); nil means `batchSize`. CD uses one chain per row.
    public var chains: Int?
    /// The run seed: epoch e draws from `RandomStream(seed: seed, stream: e)`.
    public var seed: UInt64
    public var monitor: Monitor
    /// OpenBLAS threads used while training (the previous count is restored afterwards).
    ///
    /// Pinned because sgemm results depend on the thread count: OpenBLAS splits the product
    /// into different blocks, summed in a different order, and 8 steps of training 256 visible ×
    /// 192 hidden units with batch 128 ended with biases differing by ~10⁻⁶ relative between 1
    /// and 2 threads (measured with OpenBLAS 0.3.21, Zen kernels). With the count fixed here, the same configuration gives bit-identical
    /// weights whatever the process's own OpenBLAS setting. 1 is fastest for small models;
    /// large ones (hundreds of units, batches of hundreds) gain from more. The setting is
    /// process-wide (`BLASThreads`): trainers running at the same time must agree on it, and
    /// nothing else may change it while they run.
    public var blasThreads: Int

    public init(
        method: Method = .persistent(steps: 1), epochs: Int = 10, batchSize: Int = 100,
        learningRate: LearningRateSchedule = .constant(0.01), momentum: Float = 0,
        weightDecay: Float = 0, centering: Centering? = nil, chains: Int? = nil, seed: UInt64 = 0,
        monitor: Monitor = Monitor(), blasThreads: Int = 1
    ) {
        self.method = method
        self.epochs = epochs
        self.batchSize = batchSize
        self.learningRate = learningRate
        self.momentum = momentum
        self.weightDecay = weightDecay
        self.centering = centering
        self.chains = chains
        self.seed = seed
        self.monitor = monitor
        self.blasThreads = blasThreads
    }

    /// Chains per replica actually used by PCD and PT.
    public var chainCount: Int { chains ?? batchSize }

    /// Throws `BoltzmannError` naming the first invalid setting.
    public func validate() throws(BoltzmannError) {
        guard method.steps >= 1 else {
            throw BoltzmannError(
                "the number of Gibbs steps per mini-batch is \(method.steps)",
                fix: "give steps ≥ 1 (1 is the usual choice for PCD)", source: "method")
        }
        if case .parallelTempering(let ladder, _) = method {
            _ = try ladder.initialBetas()
        }
        guard epochs >= 0 else {
            throw BoltzmannError("the number of epochs is \(epochs)", fix: "give epochs ≥ 0", source: "epochs")
        }
        guard batchSize >= 1 else {
            throw BoltzmannError(
                "the batch size is \(batchSize), but a mini-batch needs at least one row",
                fix: "give a batch size such as 100", source: "batchSize")
        }
        try learningRate.validate()
        guard momentum.isFinite, momentum >= 0, momentum < 1 else {
            throw BoltzmannError(
                "the momentum is \(momentum), but it must lie in [0, 1)",
                fix: "give 0 (none) or e.g. 0.5–0.9", source: "momentum")
        }
        guard weightDecay.isFinite, weightDecay >= 0 else {
            throw BoltzmannError(
                "the weight decay is \(weightDecay), but it must be a finite number ≥ 0",
                fix: "give 0 (none) or e.g. 1e-4", source: "weightDecay")
        }
        if let centering {
            guard centering.slidingRate.isFinite, centering.slidingRate > 0, centering.slidingRate <= 1 else {
                throw BoltzmannError(
                    "the centering sliding rate is \(centering.slidingRate), but it must lie in (0, 1]",
                    fix: "give e.g. 0.01", source: "centering")
            }
        }
        if let chains, chains < 1 {
            throw BoltzmannError(
                "the number of persistent chains is \(chains)", fix: "give chains ≥ 1", source: "chains")
        }
        guard blasThreads >= 1 else {
            throw BoltzmannError(
                "the number of OpenBLAS threads is \(blasThreads)", fix: "give blasThreads ≥ 1", source: "blasThreads")
        }
        guard monitor.rows >= 0 else {
            throw BoltzmannError(
                "the monitor subset has \(monitor.rows) rows", fix: "give rows ≥ 0 (0 turns monitoring off)",
                source: "monitor")
        }
    }
}
