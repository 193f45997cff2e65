import Domain
import Foundation

/// JSON column text for bulk loading, the same values `JSONColumn.encode` gives but cheaper: one
/// configured encoder for a whole batch (configuring one costs more than encoding a small value), fixed
/// text for empty lists, and the audit trail's field changes (most of a history's JSON) written directly.
/// Text written here decodes through `JSONColumn.decode` to the value it was made from.
struct BulkJSON {
    private let encoder = JSONColumn.makeEncoder()

    func encode<Value: Encodable>(_ value: Value) throws -> String {
        try JSONColumn.encode(value, with: encoder)
    }

    /// A list, `[]` when empty without asking the encoder.
    func list<Element: Encodable>(_ values: [Element]) throws -> String {
        values.isEmpty ? "[]" : try encode(values)
    }

    /// `[{"after":…,"before":…,"field":…}, …]`, keys sorted and absent values left out, as the encoder would.
    func changes(_ changes: [FieldChange]) -> String {
        var text = "["
        for (index, change) in changes.enumerated() {
            if index > 0 { text += "," }
            var separator = "{"
            if let after = change.after {
                text += separator + "\"after\":"
                Self.appendString(after, to: &text)
                separator = ","
            }
            if let before = change.before {
                text += separator + "\"before\":"
                Self.appendString(before, to: &text)
                separator = ","
            }
            text += separator + "\"field\":"
            Self.appendString(change.field, to: &text)
            text += "}"
        }
        return text + "]"
    }

    /// A JSON string literal (RFC 8259 escapes; `/` left alone, as `.withoutEscapingSlashes` does).
    static func appendString(_ value: String, to text: inout String) {
        text += "\""
        if !value.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            text += value
        } else {
            for scalar in value.unicodeScalars {
                switch scalar {
                case "\"": text += "\\\""
                case "\\": text += "\\\\"
                case "\n": text += "\\n"
                case "\r": text += "\\r"
                case "\t": text += "\\t"
                case _ where scalar.value < 0x20: text += String(format: "\\u%04x", scalar.value)
                default: text.unicodeScalars.append(scalar)
                }
            }
        }
        text += "\""
    }
}
