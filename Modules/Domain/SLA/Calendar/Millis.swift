import Foundation

/// The SLA engine's time line: whole milliseconds since 1970, as `Int`.
///
/// Integer arithmetic keeps every sum and comparison exact (floating-point instants would make
/// "due exactly at 17:00" a matter of luck). Instants are taken at millisecond resolution.
enum Millis {
    static let second = 1_000
    static let minute = 60_000
    static let day = 86_400_000

    /// Rounded to the nearest millisecond: a `Date` made from whole milliseconds may read back as
    /// `…999.9999` of them, and must not lose one.
    static func of(_ date: Date) -> Int { Int((date.timeIntervalSince1970 * 1_000).rounded()) }

    /// The same construction as `Date(millisecondsSince1970:)`, so that instants compare equal to stored ones.
    static func date(_ millis: Int) -> Date { Date(millisecondsSince1970: Int64(millis)) }

    /// Whole seconds, rounded towards minus infinity (so that −0.5 s reads as −1 s: already late).
    static func seconds(_ millis: Int) -> Int { floorDiv(millis, second) }

    static func floorDiv(_ a: Int, _ b: Int) -> Int {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }
}
