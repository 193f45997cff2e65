import Domain
import Foundation

/// Deterministic ids for fixtures and cases, so that every run (and every adapter) sees the same data.
///
/// `space` keeps the ids of different purposes apart (the seed dataset, each case's own records);
/// `index` orders ids within one space. `scramble` gives ids whose order differs from `index`'s,
/// for checks that an adapter breaks ties by id and not by insertion order.
enum FixtureID {
    /// 2026-01-01T00:00:00Z, the fixture's epoch.
    static let epochMilliseconds: UInt64 = 1_767_225_600_000

    static func make<Entity>(_ space: UInt64, _ index: Int, as _: Entity.Type = Entity.self) -> Identifier<Entity> {
        Identifier(UUIDv7.make(milliseconds: epochMilliseconds + space, sequence: 0, random: UInt64(index)))
    }

    /// Like `make`, but ids of consecutive indexes are not in ascending order (a fixed permutation of 0..<97).
    static func scrambled<Entity>(_ space: UInt64, _ index: Int, as _: Entity.Type = Entity.self) -> Identifier<Entity> {
        make(space, (index * 37) % 97 + (index / 97) * 97)
    }
}

/// Instants of the fixture, kept to the millisecond as storage keeps them.
enum FixtureTime {
    static func at(minutes: Int, milliseconds: Int = 0) -> Date {
        Date(millisecondsSince1970: Int64(FixtureID.epochMilliseconds) + Int64(minutes) * 60_000 + Int64(milliseconds))
    }
}
