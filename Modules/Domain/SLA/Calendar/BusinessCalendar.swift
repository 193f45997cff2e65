import Foundation

/// Working time: when the clock of an SLA target runs, and the arithmetic on it (§6).
///
/// Either `always` (24/7) or weekly hours in an IANA time zone with holidays, built from a
/// validated `BusinessCalendarDefinition`.
///
/// **What counts as working time.** An instant is working time when its local wall-clock reading
/// (date and time in the calendar's time zone, under that zone's rules at that instant) falls in a
/// slot of that local date: the holiday's `openSlots` if the date is a holiday, else the weekday's
/// slots. Consequences on daylight-saving days, all following from that one rule:
/// - A 09:00–17:00 slot is 09:00–17:00 local on every day, so it always lasts 8 hours unless a
///   transition happens inside it.
/// - Spring forward (local 02:00 jumps to 03:00): a slot 01:00–04:00 lasts 2 hours; a slot lying
///   entirely in the skipped hour (02:00–02:30) has no working time that day; 02:30–05:00 starts at 03:00.
/// - Fall back (local 03:00 returns to 02:00): a slot 01:00–04:00 lasts 4 hours, because the repeated
///   hour is worked twice; a slot 02:30–03:00 is worked twice, as two separate half hours.
/// The same holds in zones with half-hour shifts or transitions at midnight.
///
/// **Precision.** Instants are taken at millisecond resolution; amounts of working time are whole
/// seconds (`workingTime` rounds down).
public struct BusinessCalendar: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case always
        case hours(CompiledHours)
    }

    let kind: Kind

    /// The definition it was built from; `nil` for `always`.
    public let definition: BusinessCalendarDefinition?

    /// Every instant is working time.
    public static let always = BusinessCalendar(kind: .always, definition: nil)

    init(kind: Kind, definition: BusinessCalendarDefinition?) {
        self.kind = kind
        self.definition = definition
    }

    /// Validates `definition`; throws `DomainError.validation` naming every wrong field
    /// (`timeZone`, `weeklySlots[2].endMinute`, `holidays[0].date` …).
    public init(_ definition: BusinessCalendarDefinition) throws(DomainError) {
        self.init(kind: .hours(try CompiledHours(validating: definition)), definition: definition)
    }

    /// The calendar's time zone; UTC for `always`.
    public var timeZone: TimeZone {
        switch kind {
        case .always: TimeZone(identifier: "UTC")!
        case .hours(let hours): hours.timeZone
        }
    }

    /// Whether `instant` is working time. Slots are half-open: the first instant of a slot is working
    /// time, the instant it ends is not.
    public func isWorking(at instant: Date) -> Bool {
        switch kind {
        case .always: return true
        case .hours(let hours):
            let t = Millis.of(instant)
            var intervals = WorkingIntervals(hours, from: t)
            return intervals.next().start == t
        }
    }

    /// Working seconds in `[from, to)`, rounded down; 0 when `to` is not after `from`.
    public func workingTime(from start: Date, to end: Date) -> Int {
        Millis.seconds(workingMillis(from: Millis.of(start), to: Millis.of(end)))
    }

    /// The earliest instant `u` at which `workingTime(from: instant, to: u) == seconds`.
    ///
    /// So the result is the end of the last working second, never the start of the next slot: with hours
    /// 09:00–17:00, adding the last 30 minutes at 16:30 gives 17:00, not 09:00 the next day. Adding 0 (or a
    /// negative amount) returns `instant` itself, working time or not.
    public func addingWorkingTime(_ seconds: Int, to instant: Date) -> Date {
        Millis.date(addingWorkingMillis(seconds * Millis.second, to: Millis.of(instant)))
    }

    // MARK: - Exact arithmetic for the SLA clock

    func workingMillis(from start: Int, to end: Int) -> Int {
        guard end > start else { return 0 }
        switch kind {
        case .always: return end - start
        case .hours(let hours):
            var total = 0
            var intervals = WorkingIntervals(hours, from: start)
            while true {
                let interval = intervals.next()
                if interval.start >= end { return total }
                total += min(interval.end, end) - interval.start
            }
        }
    }

    func addingWorkingMillis(_ amount: Int, to start: Int) -> Int {
        guard amount > 0 else { return start }
        switch kind {
        case .always: return start + amount
        case .hours(let hours):
            var left = amount
            var intervals = WorkingIntervals(hours, from: start)
            while true {
                let interval = intervals.next()
                let length = interval.end - interval.start
                if length >= left { return interval.start + left }
                left -= length
            }
        }
    }
}
