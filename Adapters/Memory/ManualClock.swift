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

    /// Moves time forward (never backwards: the clock port forbids it).
    public func advance(by seconds: TimeInterval) {
        precondition(seconds >= 0, "a clock never goes backwards")
        current.withLock { $0 = Date(timeIntervalSince1970: $0.timeIntervalSince1970 + seconds).truncatedToMilliseconds }
    }
}
