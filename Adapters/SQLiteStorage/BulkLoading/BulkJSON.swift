import Domain
import Foundation

/// Column text for bulk loading, the same values `JSONColumn.encode` and `Identifier.description` give
/// but cheaper: one configured encoder for a whole batch (configuring one costs more than encoding a
/// small value), ids formatted straight from their bytes (the organization's, repeated on every row,
/// formatted once), and the common shapes (lists of strings or ids, the audit trail's field changes,
/// SLA timelines, reported crossings and verdicts) written directly. Text written here decodes through
/// `JSONColumn.decode` to the value it was made from.
struct BulkJSON {
    private let encoder = JSONColumn.makeEncoder()
    /// The last id formatted, which is very often the next one asked for (the organization, the ticket of a thread).
    private var lastID: (uuid: UUID, text: String)?

    func encode<Value: Encodable>(_ value: Value) throws -> String {
        try JSONColumn.encode(value, with: encoder)
    }

    /// A list, `[]` when empty without asking the encoder.
    func list<Element: Encodable>(_ values: [Element]) throws -> String {
        values.isEmpty ? "[]" : try encode(values)
    }

    /// An id in its lower-case canonical form (`Identifier.description`).
    mutating func id(_ uuid: UUID) -> String {
        if let lastID, lastID.uuid == uuid { return lastID.text }
        let text = Self.format(uuid)
        lastID = (uuid, text)
        return text
    }

    /// `["…","…"]`, as the encoder writes a list of strings.
    static func strings(_ values: [String]) -> String {
        guard !values.isEmpty else { return "[]" }
        var text = "["
        for (index, value) in values.enumerated() {
            if index > 0 { text += "," }
            Self.appendString(value, to: &text)
        }
        return text + "]"
    }

    /// A list of ids, as the encoder writes `[Identifier]`.
    static func ids(_ values: [UUID]) -> String {
        guard !values.isEmpty else { return "[]" }
        var text = "["
        for (index, value) in values.enumerated() {
            text += index > 0 ? ",\"" : "\""
            text += Self.format(value)
            text += "\""
        }
        return text + "]"
    }

    /// `[{"after":…,"before":…,"field":…}, …]`, keys sorted and absent values left out, as the encoder would.
    static func changes(_ changes: [FieldChange]) -> String {
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

    /// `[{"at":<milliseconds>,"kind":…,"metric":…}, …]`, as the encoder writes `[SLACrossing]`.
    static func crossings(_ crossings: [SLACrossing]) -> String {
        guard !crossings.isEmpty else { return "[]" }
        var text = "["
        for (index, crossing) in crossings.enumerated() {
            text += index > 0 ? ",{\"at\":" : "{\"at\":"
            text += String(crossing.at.millisecondsSince1970)
            text += ",\"kind\":"
            Self.appendString(crossing.kind.rawValue, to: &text)
            text += ",\"metric\":"
            Self.appendString(crossing.metric.rawValue, to: &text)
            text += "}"
        }
        return text + "]"
    }

    /// `{"createdAt":…,"firstResponseAt":…,"initialPriority":…,"priorityChanges":[…],"statusChanges":[…]}`,
    /// as the encoder writes `SLATimeline` (dates as milliseconds, an absent first response left out).
    static func timeline(_ timeline: SLATimeline) -> String {
        var text = "{\"createdAt\":" + String(timeline.createdAt.millisecondsSince1970)
        if let responded = timeline.firstResponseAt { text += ",\"firstResponseAt\":" + String(responded.millisecondsSince1970) }
        text += ",\"initialPriority\":"
        Self.appendString(timeline.initialPriority.rawValue, to: &text)
        text += ",\"priorityChanges\":["
        for (index, change) in timeline.priorityChanges.enumerated() {
            text += (index > 0 ? ",{\"at\":" : "{\"at\":") + String(change.at.millisecondsSince1970) + ",\"value\":"
            Self.appendString(change.value.rawValue, to: &text)
            text += "}"
        }
        text += "],\"statusChanges\":["
        for (index, change) in timeline.statusChanges.enumerated() {
            text += (index > 0 ? ",{\"at\":" : "{\"at\":") + String(change.at.millisecondsSince1970) + ",\"value\":"
            Self.appendString(change.value.rawValue, to: &text)
            text += "}"
        }
        return text + "]}"
    }

    /// `[{"breachAt":…,…,"warningAt":…}, …]`, as the encoder writes `[SLAClockState]`: keys sorted, dates as
    /// milliseconds, absent values left out.
    static func verdicts(_ states: [SLAClockState]) -> String {
        guard !states.isEmpty else { return "[]" }
        var text = "["
        for (index, state) in states.enumerated() {
            text += index > 0 ? ",{" : "{"
            var first = true
            func field(_ key: String, _ value: String) {
                text += first ? "\"" : ",\""
                text += key
                text += "\":"
                text += value
                first = false
            }
            func date(_ key: String, _ value: Date?) {
                if let value { field(key, String(value.millisecondsSince1970)) }
            }
            date("breachAt", state.breachAt)
            date("breachedAt", state.breachedAt)
            field("consumedSeconds", String(state.consumedSeconds))
            date("criticalAt", state.criticalAt)
            date("dueAt", state.dueAt)
            field("level", "\"" + state.level.rawValue + "\"")
            date("metAt", state.metAt)
            field("metric", "\"" + state.metric.rawValue + "\"")
            date("nextCrossingAt", state.nextCrossingAt)
            field("pausedSeconds", String(state.pausedSeconds))
            field("priority", "\"" + state.priority.rawValue + "\"")
            field("remainingSeconds", String(state.remainingSeconds))
            date("stoppedAt", state.stoppedAt)
            field("targetSeconds", String(state.targetSeconds))
            date("warningAt", state.warningAt)
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

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx` in lower case, without `uuidString`'s upper-case detour.
    static func format(_ uuid: UUID) -> String {
        withUnsafeBytes(of: uuid.uuid) { bytes in
            String(unsafeUninitializedCapacity: 36) { buffer in
                var position = 0
                for index in 0..<16 {
                    if index == 4 || index == 6 || index == 8 || index == 10 {
                        buffer[position] = UInt8(ascii: "-")
                        position += 1
                    }
                    let byte = bytes[index]
                    buffer[position] = hexDigits[Int(byte >> 4)]
                    buffer[position + 1] = hexDigits[Int(byte & 0x0F)]
                    position += 2
                }
                return position
            }
        }
    }
}
