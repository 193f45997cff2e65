import Domain
import Foundation
import Synchronization

/// The clock port on the system's wall clock, in whole milliseconds.
///
/// The system clock can be stepped backwards (NTP, an operator); the port forbids going backwards, so
/// a reading earlier than one already handed out in this process is replaced by that one: time then
/// stands still until the system clock catches up.
public struct SystemWallClock: WallClock {
    /// The latest reading (Unix milliseconds) handed out by any instance: the whole process shares one
    /// non-decreasing time, whichever instance a component was given.
    private static let latest = Mutex<Int64>(.min)

    public init() {}

    /// The current wall-clock time truncated to whole milliseconds, never earlier than a previous reading.
    public func now() -> Date {
        let current = Date().millisecondsSince1970
        let reading = Self.latest.withLock { latest in
            latest = max(latest, current)
            return latest
        }
        return Date(millisecondsSince1970: reading)
    }
}
