/// Part of a local day, in minutes since local midnight: `[startMinute, endMinute)`.
///
/// `0 ≤ startMinute < endMinute ≤ 1440`; `endMinute == 1440` means "until midnight". A slot covers
/// exactly the instants whose local wall-clock reading on that date lies inside it, so on a
/// daylight-saving day it follows the time-zone rules: see `BusinessCalendar`.
public struct TimeSlot: Sendable, Hashable, Codable {
    public var startMinute: Int
    public var endMinute: Int

    public init(startMinute: Int, endMinute: Int) {
        self.startMinute = startMinute
        self.endMinute = endMinute
    }

    /// Convenience for readable definitions: `TimeSlot(from: (9, 0), to: (17, 30))`.
    public init(from start: (hour: Int, minute: Int), to end: (hour: Int, minute: Int)) {
        self.init(startMinute: start.hour * 60 + start.minute, endMinute: end.hour * 60 + end.minute)
    }

    /// Minutes in a day: the largest `endMinute`.
    public static let minutesPerDay = 1_440

    /// The whole day.
    public static let allDay = TimeSlot(startMinute: 0, endMinute: minutesPerDay)

    /// True when the two slots share at least one minute (touching slots do not overlap).
    public func overlaps(_ other: TimeSlot) -> Bool {
        startMinute < other.endMinute && other.startMinute < endMinute
    }
}
