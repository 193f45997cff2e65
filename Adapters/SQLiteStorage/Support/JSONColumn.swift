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
        // Most of a ticket's JSON columns hold an empty list or map, and tag lists are plain strings: a read of
        // one ticket decoded a dozen of them through a fresh JSONDecoder each, about a tenth of a read's CPU.
        if let value = trivialValue(type, text) { return value }
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

    /// `text` read without a decoder when it is an empty list or map, or a list of strings without escapes
    /// (what `encode` writes for such values); `nil` for anything else, which the decoder reads.
    static func trivialValue<Value>(_ type: Value.Type, _ text: String) -> Value? {
        switch text {
        case "[]": return [Never]() as? Value
        case "{}": return [String: Never]() as? Value
        default:
            guard Value.self == [String].self else { return nil }
            return plainStrings(text) as? Value
        }
    }

    /// `["a","b"]` as written by `JSONEncoder`, when no string holds an escape; `nil` otherwise.
    static func plainStrings(_ text: String) -> [String]? {
        let bytes = text.utf8
        guard bytes.first == UInt8(ascii: "["), bytes.last == UInt8(ascii: "]"), !bytes.contains(UInt8(ascii: "\\")) else { return nil }
        var strings: [String] = []
        var inside = false
        var start = bytes.startIndex
        var expectingValue = true
        for index in bytes.indices.dropFirst().dropLast() {
            let byte = bytes[index]
            if inside {
                if byte == UInt8(ascii: "\"") {
                    strings.append(String(text[start..<index]))
                    inside = false
                }
            } else if byte == UInt8(ascii: "\""), expectingValue {
                inside = true
                expectingValue = false
                start = bytes.index(after: index)
            } else if byte == UInt8(ascii: ","), !expectingValue {
                expectingValue = true
            } else {
                return nil
            }
        }
        // A trailing comma or an unterminated string is not what the encoder writes: let the decoder judge it.
        guard !inside, !expectingValue || strings.isEmpty else { return nil }
        return strings
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
