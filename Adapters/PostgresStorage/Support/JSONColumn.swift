import Domain
import PostgresNIO
import Foundation

/// Encodes the complex value fields of an entity (custom fields, escalations, settings …) as `jsonb`.
///
/// Dates inside the JSON are whole milliseconds since 1970, as in the SQLite adapter, so that a value
/// read back equals the value written and a dump of either database reads the same. `jsonb` reorders
/// keys; decoding does not care.
enum JSONColumn {
    static func encode<Value: Encodable>(_ value: Value) throws -> JSONB {
        JSONB(text: String(decoding: try makeEncoder().encode(value), as: UTF8.self))
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

    /// Optional values are stored as SQL NULL, not as the JSON `null`.
    static func encode<Value: Encodable>(optional value: Value?) throws -> JSONB? {
        try value.map { try encode($0) }
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
}
