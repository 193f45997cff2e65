import Domain
import Foundation
@testable import SystemClock
import Synchronization
import Testing

/// What the contract cannot provoke on demand: the system clock being stepped backwards.
@Suite struct SystemWallClockTests {
    @Test func `a system clock stepped backwards makes now() stand still until it catches up`() {
        let start = 1_767_225_600_000.0 / 1_000
        // Readings of the system clock, in seconds: forward, stepped back two seconds, then past the start again.
        let source = ScriptedTimes([start + 0.0054, start - 2, start + 0.0031, start + 0.0102])
        let clock = SystemWallClock(source: { source.next() }, highWater: HighWaterMark())
        let readings = (0..<4).map { _ in clock.now().millisecondsSince1970 }
        #expect(readings == [1_767_225_600_005, 1_767_225_600_005, 1_767_225_600_005, 1_767_225_600_010],
                "now() over system times +5.4 ms, -2 s, +3.1 ms, +10.2 ms")
    }
}

/// Hands out the given times one after the other.
private final class ScriptedTimes: Sendable {
    private let remaining: Mutex<[TimeInterval]>

    init(_ times: [TimeInterval]) { remaining = Mutex(times) }

    func next() -> Date {
        Date(timeIntervalSince1970: remaining.withLock { $0.removeFirst() })
    }
}
