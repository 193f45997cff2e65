import Domain
import Foundation
import Synchronization

/// Mints RFC 9562 version-7 UUIDs for production: the clock's millisecond, a 12-bit sequence that keeps
/// ids minted within one millisecond increasing, and 62 bits from `SystemRandomNumberGenerator`.
///
/// When one millisecond's 4,096 sequence numbers run out, ids borrow the next millisecond (RFC 9562
/// §6.2 method 1), so an id may run ahead of the clock by about one millisecond per 4,096 ids minted
/// faster than that; it never runs behind, and the generator never blocks.
public final class SystemIDGenerator: IDGenerator {
    private struct State {
        /// The millisecond the latest id embeds.
        var millisecond: UInt64 = 0
        /// The sequence number the latest id used within that millisecond.
        var sequence: UInt16 = 0
    }

    /// The largest 12-bit sequence number.
    private static let lastSequence: UInt16 = 0x0FFF

    private let clock: any WallClock
    private let state = Mutex(State())

    /// - Parameter clock: where the embedded time comes from; pass the clock the rest of the process
    ///   uses, so that ids and timestamps agree.
    public init(clock: any WallClock = SystemWallClock()) {
        self.clock = clock
    }

    /// A new version-7 UUID, strictly greater (byte-wise) than every id this generator minted before.
    public func next() -> UUID {
        let now = UInt64(max(0, clock.now().millisecondsSince1970))
        let (millisecond, sequence) = state.withLock { state -> (UInt64, UInt16) in
            if now > state.millisecond {
                state.millisecond = now
                state.sequence = 0
            } else if state.sequence < Self.lastSequence {
                // Same millisecond (or a clock behind an earlier borrow): the sequence orders the ids.
                state.sequence += 1
            } else {
                state.millisecond += 1
                state.sequence = 0
            }
            return (state.millisecond, state.sequence)
        }
        var random = SystemRandomNumberGenerator()
        return UUIDv7.make(milliseconds: millisecond, sequence: sequence, random: random.next())
    }
}
