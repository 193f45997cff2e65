import Domain
import Foundation
import Synchronization

/// A clock that moves only when told to: domain and API tests drive time with it.
public final class ManualClock: WallClock {
    private let current: Mutex<Date>

    public init(_ start: Date = Date(timeIntervalSince1970: 1_767_225_600)) { // 2026-01-01T00:00:00Z
        current = Mutex(start.truncatedToMilliseconds)
    }

    public func now() -> Date { current.withLock { $0 } }

    /// Moves time forward by `seconds`, rounded to the nearest whole millisecond (the clock keeps only
    /// whole milliseconds), never backwards: the clock port forbids it.
    public func advance(by seconds: TimeInterval) {
        precondition(seconds >= 0, "a clock never goes backwards")
        // Integer milliseconds: adding fractional seconds to a Date and truncating loses the millisecond
        // for about a third of all start times (1 ms from 00:00:00.001 stayed at .001).
        let milliseconds = Int64((seconds * 1_000).rounded())
        current.withLock { $0 = Date(millisecondsSince1970: $0.millisecondsSince1970 + milliseconds) }
    }
}
