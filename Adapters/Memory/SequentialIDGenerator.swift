import Domain
import Foundation
import Synchronization

/// Deterministic UUIDv7 ids for tests: time from the given clock, then a counter, so runs repeat
/// exactly and ids stay strictly increasing.
public final class SequentialIDGenerator: IDGenerator {
    private let clock: any WallClock
    private let state = Mutex<(lastMillis: UInt64, counter: UInt64)>((0, 0))

    public init(clock: any WallClock) { self.clock = clock }

    public func next() -> UUID {
        let now = UInt64(max(0, clock.now().millisecondsSince1970))
        let (millis, counter) = state.withLock { s -> (UInt64, UInt64) in
            // Never go below the last millisecond used, so ids keep increasing even if many share one.
            let millis = max(now, s.lastMillis)
            s.counter += 1
            s.lastMillis = millis
            return (millis, s.counter)
        }
        return UUIDv7.make(milliseconds: millis, sequence: UInt16(truncatingIfNeeded: counter >> 62), random: counter)
    }
}
