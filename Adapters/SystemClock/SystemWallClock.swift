import Domain
import Foundation

/// The clock port on the system's wall clock, in whole milliseconds.
///
/// The system clock can be stepped backwards (NTP, an operator); the port forbids going backwards, so
/// a reading earlier than one already handed out in this process is replaced by that one: time then
/// stands still until the system clock catches up.
public struct SystemWallClock: WallClock {
    /// Shared by every instance made with `init()`: the whole process sees one non-decreasing time,
    /// whichever instance a component was given.
    private static let processWide = HighWaterMark()

    private let source: @Sendable () -> Date
    private let highWater: HighWaterMark

    /// The system's wall clock, sharing the process-wide never-backwards mark.
    public init() {
        self.init(source: { Date() }, highWater: Self.processWide)
    }

    /// For tests: any time source (one that steps back, say), with a mark of its own.
    init(source: @escaping @Sendable () -> Date, highWater: HighWaterMark) {
        self.source = source
        self.highWater = highWater
    }

    /// The current wall-clock time truncated to whole milliseconds, never earlier than a previous reading.
    public func now() -> Date {
        Date(millisecondsSince1970: highWater.raise(to: source().millisecondsSince1970))
    }
}
