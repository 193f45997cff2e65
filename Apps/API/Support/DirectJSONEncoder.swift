import Foundation

/// Writes an `Encodable` value as JSON bytes as it encodes, field after field, instead of building a tree first as
/// Foundation's `JSONEncoder` does. Encoding responses with `JSONEncoder` was a fifth of the CPU of a list of 50
/// tickets. The output is what `JSONEncoder` with `.withoutEscapingSlashes` writes (numbers, escapes and `nil`
/// handling alike; `JSONCodingTests` compares the two), with keys in the order the value encodes them.
struct DirectJSONEncoder {
    func encode(_ value: some Encodable) throws -> [UInt8] {
        let output = JSONOutput()
        try output.write(value, depth: 0)
        return output.bytes
    }
}

/// The bytes written so far and the containers still open, innermost last.
final class JSONOutput {
    var bytes: [UInt8] = []
    /// Per open container: whether it is an object, and whether it has an element yet.
    private var open: [(object: Bool, hasElement: Bool)] = []

    init() { bytes.reserveCapacity(1_024) }

    /// Writes `value` where the caller has placed it (after a key, a comma or at the start), then closes whatever
    /// containers it opened. A value that wrote nothing is an empty object, as `JSONEncoder` has it.
    func write(_ value: some Encodable, depth: Int) throws {
        let start = bytes.count
        try value.encode(to: DirectEncoder(output: self, depth: depth))
        close(downTo: depth)
        if bytes.count == start { bytes.append(contentsOf: [UInt8(ascii: "{"), UInt8(ascii: "}")]) }
    }

    /// Opens an object or array at `depth` (an encoder's position); its elements go in at the returned depth.
    func openContainer(object: Bool, depth: Int) -> Int {
        close(downTo: depth)
        bytes.append(object ? UInt8(ascii: "{") : UInt8(ascii: "["))
        open.append((object, false))
        return open.count
    }

    /// Ends every container deeper than `depth`: their elements are all written once the caller moves on.
    func close(downTo depth: Int) {
        while open.count > depth {
            bytes.append(open.removeLast().object ? UInt8(ascii: "}") : UInt8(ascii: "]"))
        }
    }

    /// Starts the next element of the container at `depth`: closes deeper ones, then a comma if one came before.
    func beginElement(depth: Int) {
        close(downTo: depth)
        if open[depth - 1].hasElement { bytes.append(UInt8(ascii: ",")) } else { open[depth - 1].hasElement = true }
    }

    func key(_ key: String, depth: Int) {
        beginElement(depth: depth)
        string(key)
        bytes.append(UInt8(ascii: ":"))
    }

    func literal(_ text: String) { bytes.append(contentsOf: text.utf8) }

    func integer(_ value: some BinaryInteger) { literal(String(value)) }

    /// Swift's shortest round-trip form without a trailing `.0`, which is how `JSONEncoder` writes numbers.
    func floatingPoint<F: BinaryFloatingPoint & LosslessStringConvertible>(_ value: F, codingPath: [any CodingKey]) throws {
        guard value.isFinite else {
            throw EncodingError.invalidValue(value, .init(codingPath: codingPath, debugDescription: "\(value) is not valid JSON"))
        }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        literal(text)
    }

    func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x08: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
            case 0x0C: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
            case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0x00..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}

/// The `Encoder` handed to each value: where in the output its value goes.
private struct DirectEncoder: Encoder {
    let output: JSONOutput
    /// The depth of the container the value is an element of (0: the top level).
    let depth: Int
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(output: JSONOutput, depth: Int) {
        self.output = output
        self.depth = depth
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(DirectKeyedContainer(output: output, depth: output.openContainer(object: true, depth: depth)))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        DirectUnkeyedContainer(output: output, depth: output.openContainer(object: false, depth: depth))
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        DirectSingleValueContainer(output: output, depth: depth)
    }
}

private struct DirectKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let output: JSONOutput
    /// This object's depth: its elements are written at it.
    let depth: Int
    var codingPath: [any CodingKey] = []

    mutating func encodeNil(forKey key: Key) throws { output.key(key.stringValue, depth: depth); output.literal("null") }
    mutating func encode(_ value: Bool, forKey key: Key) throws { output.key(key.stringValue, depth: depth); output.literal(value ? "true" : "false") }
    mutating func encode(_ value: String, forKey key: Key) throws { output.key(key.stringValue, depth: depth); output.string(value) }
    mutating func encode(_ value: Double, forKey key: Key) throws {
        output.key(key.stringValue, depth: depth)
        try output.floatingPoint(value, codingPath: codingPath + [key])
    }
    mutating func encode(_ value: Float, forKey key: Key) throws {
        output.key(key.stringValue, depth: depth)
        try output.floatingPoint(value, codingPath: codingPath + [key])
    }
    mutating func encode(_ value: Int, forKey key: Key) throws { output.key(key.stringValue, depth: depth); output.integer(value) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { output.key(key.stringValue, depth: depth); output.integer(value) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { output.key(key.stringValue, depth: depth); output.integer(value) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { output.key(key.stringValue, depth: depth); output.integer(value) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { output.key(key.stringValue, depth: depth); output.integer(value) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { output.key(key.stringValue, depth: depth); output.integer(value) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { output.key(key.stringValue, depth: depth); output.integer(value) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { output.key(key.stringValue, depth: depth); output.integer(value) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { output.key(key.stringValue, depth: depth); output.integer(value) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { output.key(key.stringValue, depth: depth); output.integer(value) }
    mutating func encode(_ value: some Encodable, forKey key: Key) throws {
        output.key(key.stringValue, depth: depth)
        try output.write(value, depth: depth)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        output.key(key.stringValue, depth: depth)
        return KeyedEncodingContainer(DirectKeyedContainer<NestedKey>(output: output, depth: output.openContainer(object: true, depth: depth)))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        output.key(key.stringValue, depth: depth)
        return DirectUnkeyedContainer(output: output, depth: output.openContainer(object: false, depth: depth))
    }

    mutating func superEncoder() -> any Encoder { superEncoder(forKey: Key(stringValue: "super")!) }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        output.key(key.stringValue, depth: depth)
        return DirectEncoder(output: output, depth: depth)
    }
}

private struct DirectUnkeyedContainer: UnkeyedEncodingContainer {
    let output: JSONOutput
    let depth: Int
    var codingPath: [any CodingKey] = []
    private(set) var count = 0

    init(output: JSONOutput, depth: Int) {
        self.output = output
        self.depth = depth
    }

    private mutating func next() {
        output.beginElement(depth: depth)
        count += 1
    }

    mutating func encodeNil() throws { next(); output.literal("null") }
    mutating func encode(_ value: Bool) throws { next(); output.literal(value ? "true" : "false") }
    mutating func encode(_ value: String) throws { next(); output.string(value) }
    mutating func encode(_ value: Double) throws { next(); try output.floatingPoint(value, codingPath: codingPath) }
    mutating func encode(_ value: Float) throws { next(); try output.floatingPoint(value, codingPath: codingPath) }
    mutating func encode(_ value: Int) throws { next(); output.integer(value) }
    mutating func encode(_ value: Int64) throws { next(); output.integer(value) }
    mutating func encode(_ value: some Encodable) throws {
        next()
        try output.write(value, depth: depth)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        next()
        return KeyedEncodingContainer(DirectKeyedContainer<NestedKey>(output: output, depth: output.openContainer(object: true, depth: depth)))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        next()
        return DirectUnkeyedContainer(output: output, depth: output.openContainer(object: false, depth: depth))
    }

    mutating func superEncoder() -> any Encoder {
        next()
        return DirectEncoder(output: output, depth: depth)
    }
}

private struct DirectSingleValueContainer: SingleValueEncodingContainer {
    let output: JSONOutput
    let depth: Int
    var codingPath: [any CodingKey] = []

    mutating func encodeNil() throws { output.literal("null") }
    mutating func encode(_ value: Bool) throws { output.literal(value ? "true" : "false") }
    mutating func encode(_ value: String) throws { output.string(value) }
    mutating func encode(_ value: Double) throws { try output.floatingPoint(value, codingPath: codingPath) }
    mutating func encode(_ value: Float) throws { try output.floatingPoint(value, codingPath: codingPath) }
    mutating func encode(_ value: Int) throws { output.integer(value) }
    mutating func encode(_ value: Int8) throws { output.integer(value) }
    mutating func encode(_ value: Int16) throws { output.integer(value) }
    mutating func encode(_ value: Int32) throws { output.integer(value) }
    mutating func encode(_ value: Int64) throws { output.integer(value) }
    mutating func encode(_ value: UInt) throws { output.integer(value) }
    mutating func encode(_ value: UInt8) throws { output.integer(value) }
    mutating func encode(_ value: UInt16) throws { output.integer(value) }
    mutating func encode(_ value: UInt32) throws { output.integer(value) }
    mutating func encode(_ value: UInt64) throws { output.integer(value) }
    mutating func encode(_ value: some Encodable) throws { try output.write(value, depth: depth) }
}
