import Domain
import Foundation
import PostgresNIO

/// Typed reads of one result row by column name, in the encodings this adapter uses: ids as `uuid`,
/// instants as `timestamptz` (`Timestamp`), enums as their raw text, complex values as `jsonb`, sets
/// and lists as arrays. Every mismatch throws (never traps), and surfaces as `.unavailable`.
struct RowReader {
    private let row: PostgresRandomAccessRow

    init(_ row: PostgresRow) { self.row = row.makeRandomAccess() }

    func value<Value: PostgresDecodable>(_ column: String, as _: Value.Type = Value.self) throws -> Value {
        guard row.contains(column) else { throw CorruptRow(reason: "the result has no column \(column)") }
        return try row[column].decode(Value.self, context: .default)
    }

    func text(_ column: String) throws -> String { try value(column) }

    func optionalText(_ column: String) throws -> String? { try value(column, as: String?.self) }

    func integer(_ column: String) throws -> Int { try value(column) }

    func bool(_ column: String) throws -> Bool { try value(column) }

    func id<Entity>(_ column: String, as _: Identifier<Entity>.Type = Identifier<Entity>.self) throws -> Identifier<Entity> {
        Identifier(try value(column, as: UUID.self))
    }

    func optionalID<Entity>(_ column: String, as _: Identifier<Entity>.Type = Identifier<Entity>.self) throws -> Identifier<Entity>? {
        try value(column, as: UUID?.self).map(Identifier.init)
    }

    func ids<Entity>(_ column: String, as _: Identifier<Entity>.Type = Identifier<Entity>.self) throws -> [Identifier<Entity>] {
        try value(column, as: [UUID].self).map(Identifier.init)
    }

    func date(_ column: String) throws -> Date { try value(column, as: Timestamp.self).date }

    func optionalDate(_ column: String) throws -> Date? { try value(column, as: Timestamp?.self)?.date }

    func enumeration<Value: RawRepresentable>(_ column: String, as _: Value.Type = Value.self) throws -> Value where Value.RawValue == String {
        let raw = try text(column)
        guard let value = Value(rawValue: raw) else { throw CorruptRow(reason: "column \(column) holds unknown value \(raw)") }
        return value
    }

    func json<Value: Decodable>(_ column: String, as type: Value.Type = Value.self) throws -> Value {
        try JSONColumn.decode(type, from: text(column), column: column)
    }

    func optionalJSON<Value: Decodable>(_ column: String, as type: Value.Type = Value.self) throws -> Value? {
        try optionalText(column).map { try JSONColumn.decode(type, from: $0, column: column) }
    }
}

extension Identifier {
    /// Sets are stored as sorted arrays so that the same set always gives the same row.
    static func sortedUUIDs(_ ids: some Sequence<Identifier>) -> [UUID] { ids.sorted().map(\.uuid) }
}
