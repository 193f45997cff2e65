/// A local date on which the weekly hours do not apply.
///
/// With no `openSlots` the whole date is closed; with some, only those slots are worked that day
/// (a half day such as Christmas Eve 09:00–12:00). The date is local to the calendar's time zone.
public struct Holiday: Sendable, Hashable, Codable {
    public var date: LocalDate
    public var name: String
    /// Replaces the weekday's hours on this date; empty means closed all day.
    public var openSlots: [TimeSlot]

    public init(date: LocalDate, name: String = "", openSlots: [TimeSlot] = []) {
        self.date = date
        self.name = name
        self.openSlots = openSlots
    }
}
