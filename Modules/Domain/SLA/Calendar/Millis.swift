import Foundation

/// The SLA engine's time line: whole milliseconds since 1970, as `Int`.
///
/// Integer arithmetic keeps every sum and comparison exact (floating-point instants would make
/// "due exactly at 17:00" a matter of luck). Instants are taken at millisecond resolution.
enum Millis {
    static let second = 1_000
    static let minute = 60_000
    static let day = 86_400_000

    static func of(_ date: Date) -> Int { Int((date.timeIntervalSince1970 * 1_000).rounded()) }

    static func date(_ millis: Int) -> Date { Date(timeIntervalSince1970: Double(millis) / 1_000) }

    /// Whole seconds, rounded towards minus infinity (so that −0.5 s reads as −1 s: already late).
    static func seconds(_ millis: Int) -> Int { floorDiv(millis, second) }

    static func floorDiv(_ a: Int, _ b: Int) -> Int {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }
}
