/// A working slot on one weekday of every week.
///
/// `weekday` is ISO: 1 = Monday … 7 = Sunday (as in `ShiftWindow`).
public struct WeeklySlot: Sendable, Hashable, Codable {
    public var weekday: Int
    public var startMinute: Int
    public var endMinute: Int

    public init(weekday: Int, startMinute: Int, endMinute: Int) {
        self.weekday = weekday
        self.startMinute = startMinute
        self.endMinute = endMinute
    }

    public init(weekday: Int, _ slot: TimeSlot) {
        self.init(weekday: weekday, startMinute: slot.startMinute, endMinute: slot.endMinute)
    }

    public var timeSlot: TimeSlot { TimeSlot(startMinute: startMinute, endMinute: endMinute) }

    /// The same slot on each of `weekdays`, e.g. Monday to Friday 09:00–17:00.
    public static func every(_ weekdays: ClosedRange<Int>, _ slot: TimeSlot) -> [WeeklySlot] {
        weekdays.map { WeeklySlot(weekday: $0, slot) }
    }
}
