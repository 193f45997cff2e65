import Domain
import Foundation
import GRDB

/// Typed reads of the column encodings this adapter uses: ids as lower-case UUID text, times as
/// integer milliseconds, enums as their raw values, JSON text for complex values.
extension Row {
    func text(_ column: String) throws -> String {
        try decode(String.self, forColumn: column)
    }

    func optionalText(_ column: String) throws -> String? {
        try decode(String?.self, forColumn: column)
    }

    func integer(_ column: String) throws -> Int {
        try decode(Int.self, forColumn: column)
    }

    func bool(_ column: String) throws -> Bool {
        try decode(Bool.self, forColumn: column)
    }

    func id<Entity>(_ column: String, as _: Identifier<Entity>.Type = Identifier<Entity>.self) throws -> Identifier<Entity> {
        let raw = try text(column)
        guard let id = Identifier<Entity>(raw) else { throw CorruptRow(reason: "column \(column) holds \(raw), not a UUID") }
        return id
    }

    /// A bare UUID (e.g. a refresh-token family), stored like ids as lower-case text.
    func uuid(_ column: String) throws -> UUID {
        let raw = try text(column)
        guard let uuid = UUID(uuidString: raw) else { throw CorruptRow(reason: "column \(column) holds \(raw), not a UUID") }
        return uuid
    }

    func optionalID<Entity>(_ column: String, as _: Identifier<Entity>.Type = Identifier<Entity>.self) throws -> Identifier<Entity>? {
        guard let raw = try optionalText(column) else { return nil }
        guard let id = Identifier<Entity>(raw) else { throw CorruptRow(reason: "column \(column) holds \(raw), not a UUID") }
        return id
    }

    func date(_ column: String) throws -> Date {
        Date(millisecondsSince1970: try decode(Int64.self, forColumn: column))
    }

    func optionalDate(_ column: String) throws -> Date? {
        try decode(Int64?.self, forColumn: column).map(Date.init(millisecondsSince1970:))
    }

    func enumeration<Value: RawRepresentable>(_ column: String, as _: Value.Type = Value.self) throws -> Value where Value.RawValue == String {
        let raw = try text(column)
        guard let value = Value(rawValue: raw) else { throw CorruptRow(reason: "column \(column) holds unknown value \(raw)") }
        return value
    }

    func json<Value: Decodable>(_ column: String, as type: Value.Type = Value.self) throws -> Value {
        try JSONColumn.decode(type, from: text(column), column: column)
    }

    func optionalJSON<Value: Decodable>(_ column: String, as type: Value.Type = Value.self) throws -> Value? {
        try JSONColumn.decode(type, fromOptional: optionalText(column), column: column)
    }
}
