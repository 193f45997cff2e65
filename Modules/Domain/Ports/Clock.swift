import Foundation

/// The clock port: where "now" comes from. Domain code never reads the wall clock itself,
/// so tests drive time with a manual clock.
///
/// Rules: `now()` is truncated to whole milliseconds (what storage keeps), and never goes
/// backwards within one process.
public protocol WallClock: Sendable {
    func now() -> Date
}

/// Mints ids for new records.
///
/// Rules: every id is a version-7 UUID, unique, and ids minted by one generator are strictly
/// increasing (so they sort by creation time even within one millisecond).
public protocol IDGenerator: Sendable {
    func next() -> UUID
}

extension IDGenerator {
    /// A fresh typed id.
    public func make<Entity>(_: Entity.Type = Entity.self) -> Identifier<Entity> { Identifier(next()) }
}

extension Date {
    /// This instant truncated to whole milliseconds since 1970.
    public var truncatedToMilliseconds: Date { Date(millisecondsSince1970: millisecondsSince1970) }

    /// Whole milliseconds since 1970 (truncated towards the past).
    ///
    /// A date made from whole milliseconds can read back a hair below them (a `Date` is a binary
    /// fraction of seconds since 2001); such a hair is not a millisecond, so values within a microsecond
    /// of a whole millisecond count as that millisecond, before 1970 as after it.
    public var millisecondsSince1970: Int64 {
        let scaled = timeIntervalSince1970 * 1000
        let nearest = scaled.rounded()
        return Int64(abs(scaled - nearest) < 0.001 ? nearest : scaled.rounded(.down))
    }

    public init(millisecondsSince1970 ms: Int64) {
        self.init(timeIntervalSince1970: Double(ms) / 1000)
    }
}
