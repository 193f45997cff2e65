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
    public var truncatedToMilliseconds: Date {
        Date(timeIntervalSince1970: (timeIntervalSince1970 * 1000).rounded(.down) / 1000)
    }

    /// Whole milliseconds since 1970.
    public var millisecondsSince1970: Int64 { Int64((timeIntervalSince1970 * 1000).rounded(.down)) }

    public init(millisecondsSince1970 ms: Int64) {
        self.init(timeIntervalSince1970: Double(ms) / 1000)
    }
}
