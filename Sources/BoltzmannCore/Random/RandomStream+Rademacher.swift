extension RandomStream {
    /// A Rademacher variate: +1 or −1 with probability 1/2 each.
    ///
    /// Uses one bit per call: bits come from a 64-bit reserve kept in the stream value, lowest bit
    /// first (bit 1 → +1, bit 0 → −1), and a new draw refills the reserve when it is empty. Other
    /// draws (uniforms, Gaussians) do not touch the reserve.
    @inlinable
    public mutating func rademacher() -> Int8 {
        if signBitCount == 0 {
            signBits = next()
            signBitCount = 64
        }
        let bit = Int8(truncatingIfNeeded: signBits & 1)
        signBits >>= 1
        signBitCount &-= 1
        return bit &+ bit &- 1
    }

    /// Fills `buffer` with ±1, exactly the values of successive `rademacher()` calls: first the
    /// bits left in the reserve, then all 64 bits of each new draw; leftover bits of the last draw
    /// stay in the reserve for later calls.
    @inlinable
    public mutating func fillRademacher(_ buffer: UnsafeMutableBufferPointer<Int8>) {
        guard let base = buffer.baseAddress else { return }
        let count = buffer.count
        var index = 0
        while index < count && signBitCount > 0 {
            base[index] = rademacher()
            index &+= 1
        }
        var generator = engine
        while count &- index >= 64 {
            let word = generator.next()
            for bit in 0..<64 {
                let value = Int8(truncatingIfNeeded: (word >> UInt64(bit)) & 1)
                base[index &+ bit] = value &+ value &- 1
            }
            index &+= 64
        }
        engine = generator
        while index < count {
            base[index] = rademacher()
            index &+= 1
        }
    }

    /// Fills `array` with ±1, as `fillRademacher(_:)` on its buffer.
    @inlinable
    public mutating func fillRademacher(_ array: inout [Int8]) {
        array.withUnsafeMutableBufferPointer { fillRademacher($0) }
    }
}
