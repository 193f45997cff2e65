/// A weekly shift plan in the agent's own time zone.
///
/// Windows are in local minutes of a weekday; routing asks whether an instant falls inside one with
/// `contains(_:)` (ShiftSchedule+Contains.swift), which reads the instant in `timeZone` by that zone's own rules
/// (daylight saving included) and contains nothing when the zone is unknown. Outside every window the agent is
/// not eligible for auto-assignment.
public struct ShiftSchedule: Sendable, Equatable, Codable {
    /// IANA identifier, e.g. `Europe/Berlin`.
    public var timeZone: String
    public var windows: [ShiftWindow]

    public init(timeZone: String = "UTC", windows: [ShiftWindow] = ShiftWindow.allWeek) {
        self.timeZone = timeZone
        self.windows = windows
    }
}

/// One working window: `weekday` 1 (Monday) … 7 (Sunday), minutes since local midnight, `start < end ≤ 1440`.
public struct ShiftWindow: Sendable, Equatable, Codable {
    public var weekday: Int
    public var startMinute: Int
    public var endMinute: Int

    public init(weekday: Int, startMinute: Int, endMinute: Int) {
        self.weekday = weekday
        self.startMinute = startMinute
        self.endMinute = endMinute
    }

    public var isValid: Bool { (1...7).contains(weekday) && startMinute >= 0 && startMinute < endMinute && endMinute <= 1440 }

    /// Around the clock, every day: the default for a new agent.
    public static let allWeek = (1...7).map { ShiftWindow(weekday: $0, startMinute: 0, endMinute: 1440) }
}
