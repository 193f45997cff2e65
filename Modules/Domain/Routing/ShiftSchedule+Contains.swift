import Foundation

extension ShiftSchedule {
    /// Whether `instant` falls inside one of the windows, read in the schedule's own IANA time zone.
    ///
    /// The instant is turned into a local weekday (1 = Monday … 7 = Sunday) and a local minute of the day by the
    /// zone's rules, so daylight saving is honoured: on a spring-forward day the skipped local hour contains no
    /// instant, on a fall-back day the repeated local hour is inside a window twice. Windows are half-open
    /// (`startMinute ≤ minute < endMinute`), so a window ending at 1440 meets the next day's window starting at 0
    /// without a gap or an overlap. Invalid windows contain nothing; an unknown time zone contains nothing either,
    /// because routing must fail closed rather than guess an offset.
    public func contains(_ instant: Date) -> Bool {
        guard !windows.isEmpty, let local = LocalWeekTime(instant, timeZoneIdentifier: timeZone) else { return false }
        return windows.contains { $0.contains(local) }
    }
}

extension ShiftWindow {
    /// Half-open: the start minute is inside, the end minute is not.
    func contains(_ local: LocalWeekTime) -> Bool {
        isValid && weekday == local.weekday && startMinute <= local.minuteOfDay && local.minuteOfDay < endMinute
    }
}

/// An instant as a wall clock in a zone shows it, reduced to what shift windows speak of.
struct LocalWeekTime: Equatable {
    /// 1 (Monday) … 7 (Sunday), as `ShiftWindow.weekday`.
    let weekday: Int
    /// Whole minutes since local midnight, 0 ..< 1440 (seconds are dropped: 08:59:59 is minute 539).
    let minuteOfDay: Int

    init?(_ instant: Date, timeZoneIdentifier: String) {
        guard let zone = TimeZone(identifier: timeZoneIdentifier) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.weekday, .hour, .minute], from: instant)
        guard let gregorianWeekday = parts.weekday, let hour = parts.hour, let minute = parts.minute else { return nil }
        // Gregorian weekdays count from Sunday = 1; shift windows count from Monday = 1.
        weekday = (gregorianWeekday + 5) % 7 + 1
        minuteOfDay = hour * 60 + minute
    }
}
