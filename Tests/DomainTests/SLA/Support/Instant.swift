import Domain
import Foundation

/// Instants written the way a scenario is told: `Instant.utc("2026-03-29 01:00")` or
/// `Instant.local("2026-03-27 18:30", "Europe/Berlin")`. Never the wall clock.
enum Instant {
    /// `yyyy-MM-dd HH:mm[:ss]` in UTC.
    static func utc(_ text: String) -> Date { local(text, "UTC") }

    /// `yyyy-MM-dd HH:mm[:ss]` as a wall-clock reading in `zone`. Only for unambiguous local times:
    /// inside a skipped or repeated hour, write the instant in UTC instead.
    static func local(_ text: String, _ zone: String) -> Date {
        let numbers = text.split(whereSeparator: { "- :".contains($0) }).map { Int($0)! }
        precondition(numbers.count == 5 || numbers.count == 6, "bad instant \(text)")
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: zone)!
        let components = DateComponents(
            year: numbers[0], month: numbers[1], day: numbers[2], hour: numbers[3], minute: numbers[4],
            second: numbers.count == 6 ? numbers[5] : 0
        )
        let date = calendar.date(from: components)!
        precondition(calendar.dateComponents([.hour, .minute], from: date) == DateComponents(hour: numbers[3], minute: numbers[4]),
                     "\(text) does not exist in \(zone)")
        return date
    }
}

extension Date {
    /// Readable in expectation messages: the instant in `zone` with its offset.
    func shown(in zone: String) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: zone)
        formatter.dateFormat = "EEE yyyy-MM-dd HH:mm:ss xxx"
        return formatter.string(from: self)
    }
}

extension Date {
    /// One millisecond later, built the way the SLA engine and storage build instants (whole milliseconds
    /// since 1970), so that equality is exact.
    var plusOneMillisecond: Date { Date(millisecondsSince1970: Int64((timeIntervalSince1970 * 1_000).rounded()) + 1) }
}
