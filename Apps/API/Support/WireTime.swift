import Foundation

/// Times on the wire: ISO 8601 in UTC with milliseconds, `2026-01-01T09:30:00.000Z`.
enum WireTime {
    private static let withMilliseconds = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt)
    private static let withoutFraction = Date.ISO8601FormatStyle(timeZone: .gmt)

    static func string(_ date: Date) -> String { date.formatted(withMilliseconds) }

    static func string(_ date: Date?) -> String? { date.map(string) }

    /// Accepts the wire form, with or without fractional seconds.
    static func parse(_ text: String) -> Date? {
        (try? withMilliseconds.parse(text)) ?? (try? withoutFraction.parse(text))
    }
}
