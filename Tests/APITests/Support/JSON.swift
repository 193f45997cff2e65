import Foundation

/// A parsed JSON value with forgiving accessors, so that tests read responses the way a client would:
/// `response.json["items"][0]["id"].string`. A missing key or index is `.missing`, never a crash.
enum JSON: Equatable, CustomStringConvertible, Decodable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSON])
    case object([String: JSON])
    case missing

    init(data: Data) throws {
        self = try JSONDecoder().decode(JSON.self, from: data)
    }

    init(_ text: String) throws {
        try self.init(data: Data(text.utf8))
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        // Booleans first: the decoder refuses to read a number as a Bool, so `true` and `1` stay apart.
        if container.decodeNil() {
            self = .null
        } else if let flag = try? container.decode(Bool.self) {
            self = .bool(flag)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else if let text = try? container.decode(String.self) {
            self = .string(text)
        } else if let items = try? container.decode([JSON].self) {
            self = .array(items)
        } else {
            self = .object(try container.decode([String: JSON].self))
        }
    }

    subscript(key: String) -> JSON {
        if case .object(let members) = self { return members[key] ?? .missing }
        return .missing
    }

    subscript(index: Int) -> JSON {
        if case .array(let items) = self, items.indices.contains(index) { return items[index] }
        return .missing
    }

    var string: String? { if case .string(let text) = self { text } else { nil } }
    var int: Int? { if case .number(let number) = self { Int(exactly: number) } else { nil } }
    var bool: Bool? { if case .bool(let flag) = self { flag } else { nil } }
    var array: [JSON] { if case .array(let items) = self { items } else { [] } }
    var keys: Set<String> { if case .object(let members) = self { Set(members.keys) } else { [] } }
    var isNull: Bool { self == .null }
    var exists: Bool { self != .missing }

    var description: String {
        switch self {
        case .null: "null"
        case .bool(let flag): String(flag)
        case .number(let number): String(number)
        case .string(let text): "\"\(text)\""
        case .array(let items): "[" + items.map(\.description).joined(separator: ",") + "]"
        case .object(let members): "{" + members.sorted { $0.key < $1.key }.map { "\"\($0.key)\":\($0.value)" }.joined(separator: ",") + "}"
        case .missing: "<missing>"
        }
    }
}
