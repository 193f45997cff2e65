/// What an administrator defines for business hours, as stored and as received: text and numbers
/// that may be wrong. `BusinessCalendar(_:)` validates it into something that can do arithmetic.
public struct BusinessCalendarDefinition: Sendable, Hashable, Codable {
    /// IANA identifier, e.g. `Europe/Berlin`. Offsets come from the time-zone rules, never fixed.
    public var timeZone: String
    /// Several slots per weekday are allowed; they must not overlap (touching is fine).
    public var weeklySlots: [WeeklySlot]
    /// At most one entry per date.
    public var holidays: [Holiday]

    public init(timeZone: String, weeklySlots: [WeeklySlot], holidays: [Holiday] = []) {
        self.timeZone = timeZone
        self.weeklySlots = weeklySlots
        self.holidays = holidays
    }

    /// Monday to Friday, 09:00–17:00 in `timeZone`: a common starting point.
    public static func officeHours(timeZone: String, holidays: [Holiday] = []) -> BusinessCalendarDefinition {
        BusinessCalendarDefinition(
            timeZone: timeZone, weeklySlots: WeeklySlot.every(1...5, TimeSlot(from: (9, 0), to: (17, 0))), holidays: holidays
        )
    }
}
