import Domain
import Foundation
import Testing

/// `ShiftSchedule.contains`: local weekday and minute in the agent's zone, half-open windows, DST by the zone's rules.
struct ShiftScheduleTests {
    typealias F = RoutingFixture

    static func shift(_ zone: String, _ windows: (Int, Int, Int)...) -> ShiftSchedule {
        ShiftSchedule(timeZone: zone, windows: windows.map { ShiftWindow(weekday: $0.0, startMinute: $0.1, endMinute: $0.2) })
    }

    static func expectShift(_ shift: ShiftSchedule, _ cases: [(String, Bool)], sourceLocation: SourceLocation = #_sourceLocation) {
        for (instant, expected) in cases {
            #expect(
                shift.contains(F.date(instant)) == expected,
                "contains(\(instant)) in \(shift.timeZone) \(shift.windows) should be \(expected)", sourceLocation: sourceLocation
            )
        }
    }

    @Test func theDefaultScheduleCoversEveryInstant() {
        let shift = ShiftSchedule()
        for hour in stride(from: 0.0, to: 24 * 7, by: 0.75) {
            #expect(shift.contains(F.monday.addingTimeInterval(hour * 3600)), "all-week shift at Monday noon + \(hour) h")
        }
    }

    @Test func noWindowsMeansNeverInShift() {
        #expect(!ShiftSchedule(windows: []).contains(F.monday))
    }

    @Test func windowsAreHalfOpenInLocalMinutes() {
        // Monday 09:00–17:00 in Berlin, winter (UTC+1).
        Self.expectShift(Self.shift("Europe/Berlin", (1, 540, 1020)), [
            ("2025-01-06T07:59:59Z", false), // 08:59:59 local
            ("2025-01-06T08:00:00Z", true), // 09:00 local: the start minute is inside
            ("2025-01-06T15:59:59Z", true), // 16:59:59 local: still minute 1019
            ("2025-01-06T16:00:00Z", false), // 17:00 local: the end minute is not
            ("2025-01-07T08:00:00Z", false), // Tuesday 09:00: another weekday
        ])
    }

    @Test func weekdayOneIsMondayAndSevenIsSunday() {
        Self.expectShift(Self.shift("UTC", (7, 0, 60)), [("2025-01-05T00:30:00Z", true), ("2025-01-06T00:30:00Z", false)])
        Self.expectShift(Self.shift("UTC", (1, 0, 60)), [("2025-01-06T00:30:00Z", true), ("2025-01-05T00:30:00Z", false)])
    }

    @Test func theLocalDateDecidesTheWeekdayNotTheUTCDate() {
        // Kiritimati is UTC+14: Sunday 12:00 UTC is Monday 02:00 there; New York at UTC-5 is still Sunday 07:00.
        Self.expectShift(Self.shift("Pacific/Kiritimati", (1, 120, 180)), [("2025-01-05T12:00:00Z", true), ("2025-01-06T12:00:00Z", false)])
        Self.expectShift(Self.shift("America/New_York", (7, 420, 480)), [("2025-01-05T12:00:00Z", true)])
    }

    @Test func halfHourOffsetsAreHonoured() {
        // Kolkata is UTC+5:30: 03:30 UTC is 09:00 local.
        Self.expectShift(Self.shift("Asia/Kolkata", (1, 540, 600)), [
            ("2025-01-06T03:29:59Z", false), ("2025-01-06T03:30:00Z", true), ("2025-01-06T04:29:59Z", true), ("2025-01-06T04:30:00Z", false),
        ])
    }

    @Test func windowsEndingAtMidnightMeetTheNextDaysWindows() {
        // Monday 22:00–24:00 then Tuesday 00:00–02:00, and Sunday 23:00–24:00 then Monday 00:00–01:00 (week wrap).
        let shift = Self.shift("Europe/Berlin", (1, 1320, 1440), (2, 0, 120), (7, 1380, 1440), (1, 0, 60))
        Self.expectShift(shift, [
            ("2025-01-06T22:59:59Z", true), // Monday 23:59:59 local
            ("2025-01-06T23:00:00Z", true), // Tuesday 00:00 local: the next window has started
            ("2025-01-07T00:59:59Z", true), // Tuesday 01:59:59
            ("2025-01-07T01:00:00Z", false), // Tuesday 02:00
            ("2025-01-12T22:59:59Z", true), // Sunday 23:59:59
            ("2025-01-12T23:00:00Z", true), // Monday 00:00 of the next week
            ("2025-01-12T23:59:59Z", true),
            ("2025-01-13T00:00:00Z", false), // Monday 01:00
        ])
    }

    @Test func aWindowEndingAtMidnightAloneEndsThere() {
        Self.expectShift(Self.shift("UTC", (1, 1380, 1440)), [("2025-01-06T23:59:59Z", true), ("2025-01-07T00:00:00Z", false)])
    }

    @Test func theSameLocalWindowFollowsDaylightSavingTime() {
        // Monday 09:00–17:00 in New York: 14:00 UTC in winter (EST), 13:00 UTC in summer (EDT).
        Self.expectShift(Self.shift("America/New_York", (1, 540, 1020)), [
            ("2025-01-06T13:59:59Z", false), ("2025-01-06T14:00:00Z", true), ("2025-01-06T21:59:59Z", true), ("2025-01-06T22:00:00Z", false),
            ("2025-07-07T12:59:59Z", false), ("2025-07-07T13:00:00Z", true), ("2025-07-07T20:59:59Z", true), ("2025-07-07T21:00:00Z", false),
        ])
    }

    @Test func theSkippedSpringForwardHourContainsNoInstant() {
        // Berlin, Sunday 30 March 2025: 02:00 CET jumps to 03:00 CEST at 01:00 UTC.
        Self.expectShift(Self.shift("Europe/Berlin", (7, 120, 180)), [
            ("2025-03-30T00:59:59Z", false), // 01:59:59 CET
            ("2025-03-30T01:00:00Z", false), // 03:00 CEST
            ("2025-03-30T01:30:00Z", false),
        ])
        // A window across the gap lasts one real hour less: 01:00–04:00 local is 00:00–02:00 UTC.
        Self.expectShift(Self.shift("Europe/Berlin", (7, 60, 240)), [
            ("2025-03-29T23:59:59Z", false), ("2025-03-30T00:00:00Z", true), ("2025-03-30T01:59:59Z", true), ("2025-03-30T02:00:00Z", false),
        ])
    }

    @Test func theRepeatedFallBackHourIsInsideTwice() {
        // Berlin, Sunday 26 October 2025: 03:00 CEST falls back to 02:00 CET at 01:00 UTC; 02:00–02:30 happens twice.
        Self.expectShift(Self.shift("Europe/Berlin", (7, 120, 150)), [
            ("2025-10-25T23:59:59Z", false), // 01:59:59 CEST
            ("2025-10-26T00:00:00Z", true), // 02:00 CEST
            ("2025-10-26T00:29:59Z", true),
            ("2025-10-26T00:30:00Z", false), // 02:30 CEST
            ("2025-10-26T01:00:00Z", true), // 02:00 CET, the second time
            ("2025-10-26T01:30:00Z", false), // 02:30 CET
        ])
    }

    @Test func invalidWindowsContainNothing() {
        let instant = F.date("2025-01-06T10:00:00Z")
        for window in [ShiftWindow(weekday: 1, startMinute: 700, endMinute: 500), ShiftWindow(weekday: 0, startMinute: 0, endMinute: 1440),
                       ShiftWindow(weekday: 8, startMinute: 0, endMinute: 1440), ShiftWindow(weekday: 1, startMinute: -60, endMinute: 1500)] {
            #expect(!ShiftSchedule(windows: [window]).contains(instant), "invalid window \(window) must contain nothing")
        }
    }

    @Test func anUnknownTimeZoneFailsClosed() {
        #expect(!ShiftSchedule(timeZone: "Mars/Olympus_Mons").contains(F.monday), "an unknown zone must never be in shift")
    }

    @Test("agrees with offset arithmetic at random instants and windows", arguments: 0..<40)
    func agreesWithTheOracle(seed: Int) {
        var random = SeededRandom(seed: UInt64(seed))
        let zones = ["UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe", "Pacific/Kiritimati", "America/St_Johns"]
        let shift = ShiftSchedule(
            timeZone: zones.randomElement(using: &random)!,
            windows: (0..<Int.random(in: 1...8, using: &random)).map { _ in
                let start = Int.random(in: 0..<1440, using: &random)
                return ShiftWindow(weekday: .random(in: 1...7, using: &random), startMinute: start, endMinute: .random(in: start + 1...1440, using: &random))
            }
        )
        // Around the 2025 transitions of these zones, minute by minute with random seconds.
        let base = F.date(["2025-03-09T05:00:00Z", "2025-03-30T00:00:00Z", "2025-04-05T14:00:00Z", "2025-10-04T15:00:00Z", "2025-10-26T00:00:00Z",
                           "2025-11-02T04:00:00Z", "2025-06-15T00:00:00Z"].randomElement(using: &random)!)
        for _ in 0..<200 {
            let instant = base.addingTimeInterval(.random(in: -3 * 86_400...3 * 86_400, using: &random).rounded())
            #expect(
                shift.contains(instant) == RoutingOracle.inShift(shift, at: instant),
                "seed \(seed): contains(\(instant)) in \(shift.timeZone) \(shift.windows)"
            )
        }
    }
}
