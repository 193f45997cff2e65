import Domain
import Foundation

/// Any JSON value, for the fields whose shape is defined per organization (custom fields).
enum JSONValue: Decodable, Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    /// The custom-field value this JSON stands for: text, a finite number, a boolean or a list of texts.
    var customFieldValue: CustomFieldValue? {
        switch self {
        case .string(let text): .text(text)
        case .number(let number): number.isFinite ? .number(number) : nil
        case .bool(let flag): .bool(flag)
        case .array(let items):
            items.allSatisfy({ if case .string = $0 { true } else { false } })
                ? .list(items.compactMap { if case .string(let text) = $0 { text } else { nil } }) : nil
        case .null, .object: nil
        }
    }
}

extension FieldReader {
    /// Custom fields from JSON; a value of another shape is a violation naming `customFields.<name>`.
    mutating func customFields(_ json: [String: JSONValue]?) -> [String: CustomFieldValue]? {
        guard let json else { return nil }
        var fields: [String: CustomFieldValue] = [:]
        for (name, value) in json {
            guard let field = value.customFieldValue else {
                fail("customFields.\(name)", "must be a string, a number, true/false or a list of strings")
                continue
            }
            fields[name] = field
        }
        return fields
    }
}
