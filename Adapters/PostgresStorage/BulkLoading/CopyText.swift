import Domain
import Foundation
import NIOCore

/// Rows in PostgreSQL's COPY text format (tab-separated fields, `\N` for NULL, backslash escapes), the
/// only format postgres-nio's `copyFrom` speaks. Written straight into a `ByteBuffer`: no statement per
/// row and no parameter binding, which is what makes bulk loading fast.
///
/// Values are written as PostgreSQL reads their text input: instants as UTC `YYYY-MM-DD HH:MM:SS.mmm+00`
/// (whole milliseconds, the adapter's precision, with integer arithmetic only), arrays as `{…}` literals
/// with quoted elements, JSON as its text.
struct CopyText {
    private(set) var buffer: ByteBuffer
    private var fieldsInRow = 0

    init(capacity: Int = 1 << 20) {
        buffer = ByteBufferAllocator().buffer(capacity: capacity)
    }

    /// Bytes written since the last `take()`.
    var size: Int { buffer.readableBytes }

    /// Hands the rows written so far to the caller and starts an empty buffer.
    mutating func take() -> ByteBuffer {
        let full = buffer
        buffer = ByteBufferAllocator().buffer(capacity: full.capacity)
        return full
    }

    /// Ends the current row.
    mutating func endRow() {
        buffer.writeInteger(UInt8(ascii: "\n"))
        fieldsInRow = 0
    }

    private mutating func separate() {
        if fieldsInRow > 0 { buffer.writeInteger(UInt8(ascii: "\t")) }
        fieldsInRow += 1
    }

    mutating func null() {
        separate()
        buffer.writeStaticString("\\N")
    }

    mutating func text(_ value: String?) {
        guard let value else { return null() }
        separate()
        writeEscaped(value)
    }

    mutating func integer(_ value: Int?) {
        guard let value else { return null() }
        separate()
        // Digits straight into the buffer: `String(value)` would allocate for every number of every row.
        guard value >= 0 else {
            buffer.writeString(String(value))
            return
        }
        var digits = 1
        var rest = value
        while rest >= 10 {
            rest /= 10
            digits += 1
        }
        writeDigits(Int64(value), digits)
    }

    mutating func bool(_ value: Bool) {
        separate()
        buffer.writeInteger(value ? UInt8(ascii: "t") : UInt8(ascii: "f"))
    }

    mutating func uuid(_ value: UUID?) {
        guard let value else { return null() }
        separate()
        writeUUID(value)
    }

    mutating func timestamp(_ value: Date?) {
        guard let value else { return null() }
        separate()
        writeTimestamp(milliseconds: value.millisecondsSince1970)
    }

    /// A `text[]` literal: every element quoted, so that commas, braces and spaces need no thought.
    mutating func textArray(_ values: [String]) {
        separate()
        buffer.writeInteger(UInt8(ascii: "{"))
        for (index, value) in values.enumerated() {
            if index > 0 { buffer.writeInteger(UInt8(ascii: ",")) }
            buffer.writeInteger(UInt8(ascii: "\""))
            for byte in value.utf8 {
                // Inside a quoted element `"` and `\` take a backslash; the COPY layer doubles every backslash.
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { buffer.writeStaticString("\\\\") }
                writeEscaped(byte)
            }
            buffer.writeInteger(UInt8(ascii: "\""))
        }
        buffer.writeInteger(UInt8(ascii: "}"))
    }

    /// A `uuid[]` literal.
    mutating func uuidArray(_ values: [UUID]) {
        separate()
        buffer.writeInteger(UInt8(ascii: "{"))
        for (index, value) in values.enumerated() {
            if index > 0 { buffer.writeInteger(UInt8(ascii: ",")) }
            writeUUID(value)
        }
        buffer.writeInteger(UInt8(ascii: "}"))
    }

    private mutating func writeEscaped(_ value: String) {
        var plain = true
        for byte in value.utf8 where byte == UInt8(ascii: "\\") || byte < 0x20 || byte == 0x7F {
            plain = false
            break
        }
        if plain {
            buffer.writeString(value)
        } else {
            for byte in value.utf8 { writeEscaped(byte) }
        }
    }

    private mutating func writeEscaped(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\\"): buffer.writeStaticString("\\\\")
        case UInt8(ascii: "\n"): buffer.writeStaticString("\\n")
        case UInt8(ascii: "\r"): buffer.writeStaticString("\\r")
        case UInt8(ascii: "\t"): buffer.writeStaticString("\\t")
        case 0x08: buffer.writeStaticString("\\b")
        case 0x0C: buffer.writeStaticString("\\f")
        case 0x0B: buffer.writeStaticString("\\v")
        default: buffer.writeInteger(byte)
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    private mutating func writeUUID(_ value: UUID) {
        withUnsafeBytes(of: value.uuid) { bytes in
            for (index, byte) in bytes.enumerated() {
                if index == 4 || index == 6 || index == 8 || index == 10 { buffer.writeInteger(UInt8(ascii: "-")) }
                buffer.writeInteger(Self.hexDigits[Int(byte >> 4)])
                buffer.writeInteger(Self.hexDigits[Int(byte & 0x0F)])
            }
        }
    }

    /// `YYYY-MM-DD HH:MM:SS.mmm+00` from milliseconds since 1970 (civil-from-days, proleptic Gregorian).
    private mutating func writeTimestamp(milliseconds: Int64) {
        let (days, dayMilliseconds) = Self.floorDivide(milliseconds, 86_400_000)
        let (year, month, day) = Self.civil(days: days)
        guard (1...9999).contains(year) else {
            // Outside four-digit years the text form needs more care than bulk data ever needs.
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            buffer.writeString(formatter.string(from: Date(millisecondsSince1970: milliseconds)))
            return
        }
        writeDigits(year, 4)
        buffer.writeInteger(UInt8(ascii: "-"))
        writeDigits(month, 2)
        buffer.writeInteger(UInt8(ascii: "-"))
        writeDigits(day, 2)
        buffer.writeInteger(UInt8(ascii: " "))
        let seconds = dayMilliseconds / 1000
        writeDigits(seconds / 3600, 2)
        buffer.writeInteger(UInt8(ascii: ":"))
        writeDigits(seconds / 60 % 60, 2)
        buffer.writeInteger(UInt8(ascii: ":"))
        writeDigits(seconds % 60, 2)
        buffer.writeInteger(UInt8(ascii: "."))
        writeDigits(dayMilliseconds % 1000, 3)
        buffer.writeStaticString("+00")
    }

    private mutating func writeDigits(_ value: Int64, _ count: Int) {
        var divisor: Int64 = 1
        for _ in 1..<count { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            buffer.writeInteger(UInt8(ascii: "0") + UInt8(rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }

    private static func floorDivide(_ value: Int64, _ divisor: Int64) -> (Int64, Int64) {
        let (quotient, remainder) = value.quotientAndRemainder(dividingBy: divisor)
        return remainder < 0 ? (quotient - 1, remainder + divisor) : (quotient, remainder)
    }

    /// Year, month and day of a day count since 1970-01-01 (Howard Hinnant's `civil_from_days`).
    static func civil(days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
