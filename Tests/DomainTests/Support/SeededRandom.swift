import Domain

/// The project's seeded generator (`SplitMix64`) with the helpers property tests want, so that every
/// random case (and every failing property) can be replayed from its seed. Shared by the SLA and routing
/// property tests.
struct SeededRandom: RandomNumberGenerator {
    private var source: SplitMix64

    init(seed: UInt64) { source = SplitMix64(seed: seed) }

    mutating func next() -> UInt64 { source.next() }

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
