import Domain
import Foundation
import SystemClock
import Synchronization
import Testing

/// What the contract cannot reach through a real clock: a millisecond's sequence running out, and a
/// clock that goes backwards (which `SystemWallClock` itself prevents, but a generator must survive).
@Suite struct SystemIDGeneratorTests {
    static let start: Int64 = 1_767_225_600_000

    @Test func `ids borrow the next millisecond once one millisecond's 4,096 sequence numbers are used`() {
        let clock = SettableClock(Self.start)
        let generator = SystemIDGenerator(clock: clock)
        let ids = (0..<4_097).map { _ in generator.next() }

        #expect(ids.prefix(4_096).allSatisfy { UUIDv7.milliseconds(of: $0) == UInt64(Self.start) }, "the first 4,096 ids at a standing clock embed its millisecond")
        #expect(ids.prefix(4_096).map(\.sequence) == Array(0..<4_096), "the first 4,096 ids at a standing clock use sequence 0...4095 in order")
        #expect(UUIDv7.milliseconds(of: ids[4_096]) == UInt64(Self.start + 1), "id 4,097 at a standing clock borrows the next millisecond")
        #expect(ids[4_096].sequence == 0, "id 4,097 restarts the sequence in the borrowed millisecond")
        #expect(zip(ids, ids.dropFirst()).allSatisfy { $0.precedes($1) }, "ids across the borrowed millisecond strictly increase")
    }

    @Test func `a clock that catches up with a borrowed millisecond continues its sequence, a later one restarts it`() {
        let clock = SettableClock(Self.start)
        let generator = SystemIDGenerator(clock: clock)
        for _ in 0..<4_097 { _ = generator.next() } // now at start + 1, sequence 0
        clock.set(Self.start + 1)
        let caughtUp = generator.next()
        #expect(UUIDv7.milliseconds(of: caughtUp) == UInt64(Self.start + 1) && caughtUp.sequence == 1, "the clock reaching the borrowed millisecond: \(caughtUp)")
        clock.set(Self.start + 5)
        let later = generator.next()
        #expect(UUIDv7.milliseconds(of: later) == UInt64(Self.start + 5) && later.sequence == 0, "the clock moving past it: \(later)")
    }

    @Test func `a clock stepped backwards never makes ids go backwards`() {
        let clock = SettableClock(Self.start)
        let generator = SystemIDGenerator(clock: clock)
        let before = generator.next()
        clock.set(Self.start - 60_000)
        let after = (0..<10).map { _ in generator.next() }
        #expect(before.precedes(after[0]), "the first id after stepping the clock back a minute: \(after[0]) after \(before)")
        #expect(zip(after, after.dropFirst()).allSatisfy { $0.precedes($1) }, "ids while the clock is behind strictly increase")
        #expect(after.allSatisfy { UUIDv7.milliseconds(of: $0) == UInt64(Self.start) }, "ids while the clock is behind keep the latest millisecond")
    }

    @Test func `the 62 bits after the variant are random`() {
        let generator = SystemIDGenerator(clock: SettableClock(Self.start))
        let randomParts = Set((0..<1_000).map { _ in generator.next().randomBits })
        // 1,000 draws of 62 random bits collide with probability about 1e-13.
        #expect(randomParts.count == 1_000, "rand_b of 1,000 ids: \(1_000 - randomParts.count) repeats")
    }
}

/// A clock a test sets to any millisecond, also backwards (unlike `ManualClock`, on purpose: it stands
/// for a system clock that NTP steps back).
private final class SettableClock: WallClock {
    private let milliseconds: Mutex<Int64>

    init(_ milliseconds: Int64) { self.milliseconds = Mutex(milliseconds) }

    func set(_ value: Int64) { milliseconds.withLock { $0 = value } }

    func now() -> Date { Date(millisecondsSince1970: milliseconds.withLock { $0 }) }
}

extension UUID {
    /// The 12-bit `rand_a` field, which `SystemIDGenerator` uses as its sequence.
    fileprivate var sequence: Int { Int(uuid.6 & 0x0F) << 8 | Int(uuid.7) }

    /// The 62-bit `rand_b` field.
    fileprivate var randomBits: UInt64 {
        let u = uuid
        return [u.8 & 0x3F, u.9, u.10, u.11, u.12, u.13, u.14, u.15].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
    }

    /// Byte-wise order, as databases sort UUIDs.
    fileprivate func precedes(_ other: UUID) -> Bool {
        withUnsafeBytes(of: uuid) { mine in withUnsafeBytes(of: other.uuid) { mine.lexicographicallyPrecedes($0) } }
    }
}
