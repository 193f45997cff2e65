/// SplitMix64: a tiny, fast, seedable generator, so that every random case (and every failing property)
/// can be replayed from its seed. Shared by the SLA and routing property tests.
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }

    /// `true` with the given probability.
    mutating func chance(_ probability: Double) -> Bool { Double.random(in: 0..<1, using: &self) < probability }

    mutating func pick<T>(_ values: [T]) -> T { values[int(0...values.count - 1)] }

    /// A random subset of `elements`, each kept with the given probability.
    mutating func subset<T: Hashable>(of elements: [T], keeping probability: Double = 0.5) -> Set<T> {
        Set(elements.filter { _ in chance(probability) })
    }

    /// `count` distinct numbers from `range`, in random order.
    mutating func distinct(_ count: Int, from range: ClosedRange<Int>) -> [Int] {
        Array(Array(range).shuffled(using: &self).prefix(count))
    }
}
