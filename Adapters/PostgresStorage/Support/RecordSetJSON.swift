import Domain
import Foundation

/// The rows of one multi-row statement as a single `jsonb` parameter: a JSON array of flat records that the
/// statement reads with `jsonb_to_recordset($1) AS r(column type, …)`. One parameter carries any number of rows
/// with NULLs, arrays and `jsonb` values (which postgres-nio's array binds cannot), so a run of writes of one kind
/// costs one round trip instead of one per row.
///
/// Instants are whole milliseconds since 1970 (integers, converted by `RecordSetJSON.instant`); a `nil` value leaves
/// its key out, which `jsonb_to_recordset` reads as NULL; `jsonb` values are embedded as JSON text.
struct RecordSetJSON {
    private var text = "["
    private var firstRecord = true
    private var firstField = true

    /// The SQL that turns a record's milliseconds column into the `timestamptz` `Timestamp` would bind: integer
    /// microseconds (`ms × 1000` stays below 2^53, so the `interval` product is exact).
    static func instant(_ column: String) -> String {
        "(timestamptz '1970-01-01 00:00:00+00' + \(column) * interval '1 millisecond')"
    }

    mutating func beginRecord() {
        text += firstRecord ? "{" : ",{"
        firstRecord = false
        firstField = true
    }

    mutating func endRecord() { text += "}" }

    private mutating func key(_ name: String) {
        text += firstField ? "\"" : ",\""
        text += name
        text += "\":"
        firstField = false
    }

    mutating func uuid(_ name: String, _ value: UUID?) {
        guard let value else { return }
        key(name)
        text += "\""
        text += value.uuidString
        text += "\""
    }

    mutating func string(_ name: String, _ value: String?) {
        guard let value else { return }
        key(name)
        BulkJSON.appendString(value, to: &text)
    }

    mutating func integer(_ name: String, _ value: Int?) {
        guard let value else { return }
        key(name)
        text += String(value)
    }

    /// An instant, as milliseconds since 1970 (read through `instant(_:)`).
    mutating func date(_ name: String, _ value: Date?) {
        guard let value else { return }
        key(name)
        text += String(value.millisecondsSince1970)
    }

    /// A value already written as JSON text (a `jsonb` column).
    mutating func json(_ name: String, _ value: String?) {
        guard let value else { return }
        key(name)
        text += value
    }

    /// A `text[]` column.
    mutating func strings(_ name: String, _ values: [String]) {
        key(name)
        text += "["
        for (index, value) in values.enumerated() {
            if index > 0 { text += "," }
            BulkJSON.appendString(value, to: &text)
        }
        text += "]"
    }

    /// A `uuid[]` column.
    mutating func uuids(_ name: String, _ values: [UUID]) {
        key(name)
        text += "["
        for (index, value) in values.enumerated() {
            text += index > 0 ? ",\"" : "\""
            text += value.uuidString
            text += "\""
        }
        text += "]"
    }

    /// The whole array, bound as `jsonb`.
    var parameter: JSONB { JSONB(text: text + "]") }
}
