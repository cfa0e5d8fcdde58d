import BoltzmannCore
import BoltzmannSampling

/// The buffers of one `RBMTrainer.train` call and the mini-batch step that works on them.
///
/// Row layout of the stacked buffers, with K replicas of n chains (R = K·n chain rows; plain PCD
/// has K = 1, CD uses n = the batch's rows) and a mini-batch of B rows:
///
///     rows 0 ..< R          chains, replica by replica (the β = 1 replica last)
///     rows R ..< R + B      the mini-batch
///
/// so the β = 1 chains and the data are contiguous: one sgemm computes the hidden fields v·W of
/// every chain and the data, and one sgemm with a transposed first operand gives the whole
/// weight gradient Σ_r s_r v_rᵀ E[h | v_r] over the β = 1 chains (s_r = −1/n) and the data
/// (s_r = +1/B). Per PCD-1 step that makes three sgemms: h·Wᵀ (chains), v·W (chains and data),
/// vᵀ·h (gradient), 2·(R·H·V + (R + B)·V·H + (n + B)·V·H) flops.
final class TrainingWorkspace {
    let visibleCount: Int
    let hiddenCount: Int
    /// Replicas K and chains per replica n (for CD: the largest batch).
    let replicas: Int
    let chains: Int
    let maximumBatch: Int
    let persistent: Bool

    var visibleKernel: UnitKernel
    var hiddenKernel: UnitKernel
    var betas: [Float]

    // Stacked buffers (see the layout above).
    let stackVisible: UnsafeMutablePointer<Float>   // (R + B) × V
    let hiddenFields: UnsafeMutablePointer<Float>   // (R + B) × H   U = v·W (unscaled)
    let hiddenMeans: UnsafeMutablePointer<Float>    // (R + B) × H   E[h | v], later scaled by s_r
    let hiddenStates: UnsafeMutablePointer<Float>   // R × H         sampled hidden units (chain state)
    let visibleFields: UnsafeMutablePointer<Float>  // R × V         h·Wᵀ
    let visibleMeans: UnsafeMutablePointer<Float>   // R × V         E[v | h]
    // Parameters and optimiser state.
    let weights: UnsafeMutablePointer<Float>        // V × H
    let velocityWeights: UnsafeMutablePointer<Float>
    var velocityVisible: [Float]
    var velocityHidden: [Float]
    var visibleOffset: [Float]?
    var hiddenOffset: [Float]?
    // Scratch.
    var deltaVisible: [Float]
    var deltaHidden: [Float]
    var dataMeanVisible: [Float]
    var dataMeanHidden: [Float]
    var couplings: [Double]
    /// Rows that entered the β = 1 replica in the last exchange round.
    var enteredRows: [Int] = []
    var exchange: ReplicaExchange?

    var chainRows: Int { replicas * chains }

    init(
        visibleKernel: UnitKernel, hiddenKernel: UnitKernel, betas: [Float], chains: Int,
        maximumBatch: Int, persistent: Bool
    ) {
        self.visibleKernel = visibleKernel
        self.hiddenKernel = hiddenKernel
        self.betas = betas
        visibleCount = visibleKernel.bias.count
        hiddenCount = hiddenKernel.bias.count
        replicas = betas.count
        self.chains = chains
        self.maximumBatch = maximumBatch
        self.persistent = persistent
        let (v, h, r, b) = (visibleCount, hiddenCount, betas.count * chains, maximumBatch)
        func buffer(_ count: Int) -> UnsafeMutablePointer<Float> {
            let pointer = UnsafeMutablePointer<Float>.allocate(capacity: Swift.max(1, count))
            pointer.initialize(repeating: 0, count: Swift.max(1, count))
            return pointer
        }
        stackVisible = buffer((r + b) * v)
        hiddenFields = buffer((r + b) * h)
        hiddenMeans = buffer((r + b) * h)
        hiddenStates = buffer(r * h)
        visibleFields = buffer(r * v)
        visibleMeans = buffer(r * v)
        weights = buffer(v * h)
        velocityWeights = buffer(v * h)
        velocityVisible = [Float](repeating: 0, count: v)
        velocityHidden = [Float](repeating: 0, count: h)
        deltaVisible = velocityVisible
        deltaHidden = velocityHidden
        dataMeanVisible = velocityVisible
        dataMeanHidden = velocityHidden
        couplings = [Double](repeating: 0, count: r)
    }

    deinit {
        for pointer in [stackVisible, hiddenFields, hiddenMeans, hiddenStates, visibleFields,
                        visibleMeans, weights, velocityWeights] {
            pointer.deallocate()
        }
    }

    // MARK: Products

    /// C (m×n) ← α·op(A)·op(B) + β·C on raw row-major buffers.
    @inline(__always)
    private func gemm(
        transposeA: Bool = false, transposeB: Bool = false, m: Int, n: Int, k: Int,
        alpha: Float = 1, _ a: UnsafePointer<Float>, lda: Int, _ b: UnsafePointer<Float>, ldb: Int,
        beta: Float = 0, _ c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        guard m > 0, n > 0, k > 0 else { return }
        Float.blasGemm(
            transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, alpha: alpha,
            a: a, lda: lda, b: b, ldb: ldb, beta: beta, c: c, ldc: ldc)
    }

    /// Hidden fields U = v·W for stacked rows `start ..< start + count`.
    private func hiddenFieldsOfRows(_ start: Int, _ count: Int) {
        gemm(m: count, n: hiddenCount, k: visibleCount,
             stackVisible + start * visibleCount, lda: visibleCount, weights, ldb: hiddenCount,
             hiddenFields + start * hiddenCount, ldc: hiddenCount)
    }

    /// v ~ p_β(v | h) for every chain row, replica by replica, from `hiddenStates`.
    private func sampleChainVisibles(rows: Int, random: inout RandomStream) {
        gemm(transposeB: true, m: rows, n: visibleCount, k: hiddenCount,
             hiddenStates, lda: hiddenCount, weights, ldb: hiddenCount, visibleFields, ldc: visibleCount)
        let perReplica = rows / replicas
        for replica in 0..<replicas {
            let offset = replica * perReplica * visibleCount
            visibleKernel.mean(
                fields: visibleFields + offset, beta: betas[replica], rows: perReplica,
                into: visibleMeans + offset)
            visibleKernel.sample(
                means: visibleMeans + offset, rows: perReplica, into: stackVisible + offset, random: &random)
        }
    }

    /// E_β[h | v] into `hiddenMeans` and h ~ p_β(h | v) into `hiddenStates` for chain rows, from
    /// `hiddenFields`.
    private func sampleChainHiddens(rows: Int, random: inout RandomStream) {
        let perReplica = rows / replicas
        for replica in 0..<replicas {
            let offset = replica * perReplica * hiddenCount
            hiddenKernel.mean(
                fields: hiddenFields + offset, beta: betas[replica], rows: perReplica,
                into: hiddenMeans + offset)
            hiddenKernel.sample(
                means: hiddenMeans + offset, rows: perReplica, into: hiddenStates + offset, random: &random)
        }
    }

    // MARK: Chains

    /// Starts the persistent chains: visible states are training rows drawn uniformly (one
    /// uniform index per chain), hidden states h ~ p_β(h | v) at each replica's β.
    func initialiseChains(data: Matrix<Float>, random: inout RandomStream) {
        let rows = chainRows
        data.withUnsafeBufferPointer { source in
            for chain in 0..<rows {
                let row = random.uniformIndex(below: data.rows)
                (stackVisible + chain * visibleCount).update(
                    from: source.baseAddress! + row * visibleCount, count: visibleCount)
            }
        }
        hiddenFieldsOfRows(0, rows)
        sampleChainHiddens(rows: rows, random: &random)
    }

    // MARK: The mini-batch step

    /// Copies the mini-batch rows `indices` of `data` behind the chain rows (for CD, behind
    /// as many chain rows as the batch has rows).
    func loadBatch(_ data: UnsafePointer<Float>, indices: ArraySlice<Int>) {
        let offset = persistent ? chainRows : indices.count
        var target = stackVisible + offset * visibleCount
        for index in indices {
            target.update(from: data + index * visibleCount, count: visibleCount)
            target += visibleCount
        }
    }

    /// One gradient step on the mini-batch already loaded by `loadBatch` (B rows).
    func step(
        batch: Int, method: RBMTrainingConfiguration.Method, learningRate: Float, momentum: Float,
        weightDecay: Float, centeringRate: Float?, random: inout RandomStream
    ) {
        let h = hiddenCount
        let steps = method.steps
        let negativeStart: Int   // first β = 1 chain row
        let chainCount: Int      // chains in the gradient (n)
        let dataStart: Int
        if persistent {
            let rows = chainRows
            dataStart = rows
            chainCount = chains
            negativeStart = rows - chains
            for sweep in 1...steps {
                sampleChainVisibles(rows: rows, random: &random)
                if sweep < steps {
                    hiddenFieldsOfRows(0, rows)
                } else {
                    hiddenFieldsOfRows(0, rows + batch)
                }
                sampleChainHiddens(rows: rows, random: &random)
            }
            hiddenKernel.mean(
                fields: hiddenFields + dataStart * h, beta: 1, rows: batch, into: hiddenMeans + dataStart * h)
            if replicas > 1 { exchangeReplicas(random: &random) }
        } else {
            // CD-k: n = B chains start at the batch, which sits at rows B ..< 2B.
            dataStart = batch
            chainCount = batch
            negativeStart = 0
            hiddenFieldsOfRows(dataStart, batch)
            hiddenKernel.mean(
                fields: hiddenFields + dataStart * h, beta: 1, rows: batch, into: hiddenMeans + dataStart * h)
            hiddenKernel.sample(
                means: hiddenMeans + dataStart * h, rows: batch, into: hiddenStates, random: &random)
            for sweep in 1...steps {
                sampleChainVisibles(rows: batch, random: &random)
                hiddenFieldsOfRows(0, batch)
                hiddenKernel.mean(fields: hiddenFields, beta: 1, rows: batch, into: hiddenMeans)
                if sweep < steps {
                    hiddenKernel.sample(means: hiddenMeans, rows: batch, into: hiddenStates, random: &random)
                }
            }
        }
        update(
            negativeStart: negativeStart, chainCount: chainCount, dataStart: dataStart, batch: batch,
            learningRate: learningRate, momentum: momentum, weightDecay: weightDecay,
            centeringRate: centeringRate)
    }

    /// Parallel tempering: C = vᵀWh per chain from the fields U = v·W and the sampled h, one
    /// exchange round, then E[h | v] at β = 1 again for the rows that entered the β = 1 replica.
    private func exchangeReplicas(random: inout RandomStream) {
        let (v, h) = (visibleCount, hiddenCount)
        for row in 0..<chainRows {
            let u = hiddenFields + row * h
            let s = hiddenStates + row * h
            var sum = 0.0
            for j in 0..<h { sum += Double(u[j] * s[j]) }
            couplings[row] = sum
        }
        let n = chains
        let top = replicas - 2
        var entered: [Int] = []
        swap(&entered, &enteredRows)   // reuse the buffer without a copy-on-write
        entered.removeAll(keepingCapacity: true)
        func swapRows(_ buffer: UnsafeMutablePointer<Float>, _ width: Int, _ a: Int, _ b: Int) {
            let x = buffer + a * width
            let y = buffer + b * width
            for j in 0..<width { swap(&x[j], &y[j]) }
        }
        exchange!.exchange(couplings: &couplings, chains: n, random: &random) { pair, chain in
            let lower = pair * n + chain
            let upper = lower + n
            swapRows(stackVisible, v, lower, upper)
            swapRows(hiddenStates, h, lower, upper)
            swapRows(hiddenFields, h, lower, upper)
            swapRows(hiddenMeans, h, lower, upper)
            if pair == top { entered.append(upper) }
        }
        for row in entered {
            hiddenKernel.mean(fields: hiddenFields + row * h, beta: 1, rows: 1, into: hiddenMeans + row * h)
        }
        enteredRows = entered
    }

    /// The parameter update from the β = 1 chains (rows negativeStart ..< negativeStart + n) and
    /// the data (rows dataStart ..< dataStart + B), which are contiguous.
    ///
    /// With s_r = −1/n on chain rows and +1/B on data rows and M_r = E[h | v_r]:
    ///     G_W = Σ_r s_r v_r M_rᵀ,  Δv = Σ_r s_r v_r,  Δh = Σ_r s_r M_r   (data mean − model mean)
    /// centred (Melchior et al. 2016): G_W ← G_W − μ Δhᵀ − Δv λᵀ
    ///     velocity_W ← m·velocity_W + η(G_W − λ_wd W),  W += velocity_W
    ///     velocity_a ← m·velocity_a + η Δv,  velocity_b ← m·velocity_b + η Δh
    ///     a += velocity_a − velocity_W λ,  b += velocity_b − velocity_Wᵀ μ   (λ = μ = 0 uncentred)
    /// then the offsets slide towards the batch's data means.
    private func update(
        negativeStart: Int, chainCount: Int, dataStart: Int, batch: Int, learningRate: Float,
        momentum: Float, weightDecay: Float, centeringRate: Float?
    ) {
        let (v, h) = (visibleCount, hiddenCount)
        precondition(negativeStart + chainCount == dataStart, "chains and data must be contiguous")
        let rows = chainCount + batch
        let chainScale = -1 / Float(chainCount)
        let dataScale = 1 / Float(batch)
        for index in 0..<v { deltaVisible[index] = 0; dataMeanVisible[index] = 0 }
        for index in 0..<h { deltaHidden[index] = 0; dataMeanHidden[index] = 0 }
        deltaVisible.withUnsafeMutableBufferPointer { dv in
            deltaHidden.withUnsafeMutableBufferPointer { dh in
                dataMeanVisible.withUnsafeMutableBufferPointer { mv in
                    dataMeanHidden.withUnsafeMutableBufferPointer { mh in
                        for row in negativeStart..<(dataStart + batch) {
                            let isData = row >= dataStart
                            let scale = isData ? dataScale : chainScale
                            let x = stackVisible + row * v
                            let m = hiddenMeans + row * h
                            if isData {
                                for i in 0..<v { mv[i] += x[i] }
                                for j in 0..<h { mh[j] += m[j] }
                            }
                            for i in 0..<v { dv[i] += scale * x[i] }
                            for j in 0..<h { m[j] *= scale }
                            for j in 0..<h { dh[j] += m[j] }
                        }
                    }
                }
            }
        }
        gemm(transposeA: true, m: v, n: h, k: rows, alpha: learningRate,
             stackVisible + negativeStart * v, lda: v, hiddenMeans + negativeStart * h, ldb: h,
             beta: momentum, velocityWeights, ldc: h)
        if let mu = visibleOffset, let lambda = hiddenOffset {
            for i in 0..<v {
                let row = velocityWeights + i * h
                let a = learningRate * mu[i]
                let b = learningRate * deltaVisible[i]
                for j in 0..<h { row[j] -= a * deltaHidden[j] + b * lambda[j] }
            }
        }
        let count = v * h
        if weightDecay > 0 {
            let decay = learningRate * weightDecay
            for index in 0..<count { velocityWeights[index] -= decay * weights[index] }
        }
        for index in 0..<count { weights[index] += velocityWeights[index] }
        for i in 0..<v { velocityVisible[i] = momentum * velocityVisible[i] + learningRate * deltaVisible[i] }
        for j in 0..<h { velocityHidden[j] = momentum * velocityHidden[j] + learningRate * deltaHidden[j] }
        if let mu = visibleOffset, let lambda = hiddenOffset {
            // Back from the centred parametrisation: a −= velocity_W λ, b −= velocity_Wᵀ μ
            // (deltaHidden is free again and collects velocity_Wᵀ μ).
            for j in 0..<h { deltaHidden[j] = 0 }
            for i in 0..<v {
                let row = velocityWeights + i * h
                var sum: Float = 0
                for j in 0..<h {
                    sum += row[j] * lambda[j]
                    deltaHidden[j] += row[j] * mu[i]
                }
                visibleKernel.bias[i] -= sum
            }
            for j in 0..<h { hiddenKernel.bias[j] -= deltaHidden[j] }
        }
        for i in 0..<v { visibleKernel.bias[i] += velocityVisible[i] }
        for j in 0..<h { hiddenKernel.bias[j] += velocityHidden[j] }
        if let rate = centeringRate, var mu = visibleOffset, var lambda = hiddenOffset {
            visibleOffset = nil
            hiddenOffset = nil
            for i in 0..<v { mu[i] += rate * (dataMeanVisible[i] * dataScale - mu[i]) }
            for j in 0..<h { lambda[j] += rate * (dataMeanHidden[j] * dataScale - lambda[j]) }
            visibleOffset = mu
            hiddenOffset = lambda
        }
    }
}
