import Domain
import Foundation

/// Encodes the complex value fields of an entity (custom fields, escalations, settings …) as JSON TEXT.
///
/// Dates inside the JSON are whole milliseconds since 1970, like every date column, so that a value
/// read back equals the value written. Keys are sorted so that equal values give equal text.
enum JSONColumn {
    static func encode<Value: Encodable>(_ value: Value) throws -> String {
        try encode(value, with: makeEncoder())
    }

    /// An encoder configured for these columns; one may encode many values (bulk loading reuses one,
    /// as configuring it costs more than encoding a small value).
    static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(date.millisecondsSince1970)
        }
        return encoder
    }

    static func encode<Value: Encodable>(_ value: Value, with encoder: JSONEncoder) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<Value: Decodable>(_ type: Value.Type, from text: String, column: String) throws -> Value {
        // Empty lists and objects, the most common values of these columns, need no decoder (configuring one costs
        // more than decoding a small value): an empty array or dictionary casts to any array or dictionary type.
        if text == "[]", let empty = [Never]() as? Value { return empty }
        if text == "{}", let empty = [String: Never]() as? Value { return empty }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            Date(millisecondsSince1970: try decoder.singleValueContainer().decode(Int64.self))
        }
        do {
            return try decoder.decode(type, from: Data(text.utf8))
        } catch {
            throw CorruptRow(reason: "column \(column) holds unreadable JSON: \(error)")
        }
    }

    /// Optional values are stored as SQL NULL, not as the JSON text `null`.
    static func encode<Value: Encodable>(optional value: Value?) throws -> String? {
        try value.map { try encode($0) }
    }

    static func decode<Value: Decodable>(_ type: Value.Type, fromOptional text: String?, column: String) throws -> Value? {
        try text.map { try decode(type, from: $0, column: column) }
    }

    /// Sets are stored as sorted arrays so that the same set always gives the same text.
    static func encode(set: Set<String>) throws -> String { try encode(set.sorted()) }

    static func encode<Entity>(ids: Set<Identifier<Entity>>) throws -> String { try encode(ids.sorted()) }
}
