import Foundation

/// A small validator for the subset of OpenAPI 3.1 / JSON Schema the Switchboard document uses:
/// `$ref`, `type` (one or a list), `required`, `properties`, `additionalProperties`, `items`, `enum`,
/// `oneOf`, `minimum`/`maximum`, and the `date-time` and `uuid` formats. Enough to hold every API test
/// response to the document: its status must be documented for the operation, and its body must match
/// the schema of that status and media type.
struct OpenAPIValidator: Sendable {
    let document: JSON

    init(data: Data) throws {
        document = try JSON(data: data)
    }

    /// Every documented `METHOD /path/{template}`.
    var operations: Set<String> {
        var result: Set<String> = []
        if case .object(let paths) = document["paths"] {
            for (path, item) in paths {
                for method in item.keys where ["get", "put", "post", "patch", "delete"].contains(method) {
                    result.insert("\(method.uppercased()) \(path)")
                }
            }
        }
        return result
    }

    /// The documented path template matching a concrete path (`/api/v1/tickets/abc` → `/api/v1/tickets/{id}`),
    /// preferring literal segments over templated ones.
    func template(for path: String) -> String? {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        let candidates = document["paths"].keys.filter { template in
            let parts = template.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == segments.count else { return false }
            return zip(parts, segments).allSatisfy { $0.hasPrefix("{") || $0 == $1 }
        }
        return candidates.min { $0.filter { $0 == "{" }.count < $1.filter { $0 == "{" }.count }
    }

    /// Problems with a response, as readable lines; empty when it conforms.
    func problems(method: String, path: String, status: Int, contentType: String?, body: Data) -> [String] {
        let bare = path.split(separator: "?", maxSplits: 1).first.map(String.init) ?? path
        guard let template = template(for: bare) else { return ["\(method) \(bare): no documented path"] }
        let operation = document["paths"][template][method.lowercased()]
        guard operation.exists else { return ["\(method) \(template): operation not documented"] }
        var response = operation["responses"][String(status)]
        guard response.exists else { return ["\(method) \(template): status \(status) not documented"] }
        response = resolve(response)
        guard case .object(let contents) = response["content"] else {
            return body.isEmpty ? [] : ["\(method) \(template) \(status): documented without a body, got \(body.count) bytes"]
        }
        let mediaType = contentType?.split(separator: ";").first.map { String($0).trimmingCharacters(in: .whitespaces) } ?? ""
        guard let content = contents[mediaType] else {
            return ["\(method) \(template) \(status): content type \(mediaType) not documented (\(contents.keys.sorted()))"]
        }
        let schema = content["schema"]
        guard schema.exists else { return [] }
        if !mediaType.hasSuffix("json") {
            // Text formats (Prometheus exposition) are documented as strings: the body must be text.
            return String(data: body, encoding: .utf8) == nil ? ["\(method) \(template) \(status): body is not UTF-8 text"] : []
        }
        guard let value = try? JSON(data: body) else { return ["\(method) \(template) \(status): body is not JSON"] }
        var found: [String] = []
        validate(value, against: schema, at: "$", into: &found)
        return found.map { "\(method) \(template) \(status): \($0)" }
    }

    private func resolve(_ node: JSON) -> JSON {
        guard let reference = node["$ref"].string, reference.hasPrefix("#/") else { return node }
        var target = document
        for part in reference.dropFirst(2).split(separator: "/") { target = target[String(part)] }
        return resolve(target)
    }

    private func validate(_ value: JSON, against rawSchema: JSON, at path: String, into found: inout [String]) {
        let schema = resolve(rawSchema)
        if case .array(let alternatives) = schema["oneOf"] {
            let matching = alternatives.filter { alternative in
                var nested: [String] = []
                validate(value, against: alternative, at: path, into: &nested)
                return nested.isEmpty
            }
            if matching.count != 1 { found.append("\(path): matches \(matching.count) of the oneOf alternatives: \(value)") }
            return
        }
        let types: [String] = schema["type"].string.map { [$0] } ?? schema["type"].array.compactMap(\.string)
        if !types.isEmpty, !types.contains(where: { Self.value(value, is: $0) }) {
            found.append("\(path): expected \(types.joined(separator: " or ")), got \(value)")
            return
        }
        if case .array(let allowed) = schema["enum"], !allowed.contains(value) {
            found.append("\(path): \(value) is not one of \(allowed)")
        }
        if case .number(let number) = value {
            if case .number(let minimum) = schema["minimum"], number < minimum { found.append("\(path): \(number) < \(minimum)") }
            if case .number(let maximum) = schema["maximum"], number > maximum { found.append("\(path): \(number) > \(maximum)") }
        }
        if case .string(let text) = value, let format = schema["format"].string {
            switch format {
            case "date-time":
                if text.range(of: #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$"#, options: .regularExpression) == nil {
                    found.append("\(path): \(text) is not a UTC time with milliseconds")
                }
            case "uuid":
                if UUID(uuidString: text) == nil || text != text.lowercased() { found.append("\(path): \(text) is not a lower-case uuid") }
            default: break
            }
        }
        if case .array(let items) = value {
            let itemSchema = schema["items"]
            if itemSchema.exists {
                for (index, item) in items.enumerated() { validate(item, against: itemSchema, at: "\(path)[\(index)]", into: &found) }
            }
        }
        if case .object(let members) = value {
            for name in schema["required"].array.compactMap(\.string) where members[name] == nil {
                found.append("\(path): required member \(name) is missing")
            }
            let properties = schema["properties"]
            for (name, member) in members {
                let property = properties[name]
                if property.exists {
                    validate(member, against: property, at: "\(path).\(name)", into: &found)
                } else if schema["additionalProperties"] == .bool(false) {
                    found.append("\(path): member \(name) is not documented")
                } else if schema["additionalProperties"].keys.isEmpty == false {
                    validate(member, against: schema["additionalProperties"], at: "\(path).\(name)", into: &found)
                }
            }
        }
    }

    private static func value(_ value: JSON, is type: String) -> Bool {
        switch (type, value) {
        case ("null", .null), ("boolean", .bool), ("string", .string), ("array", .array), ("object", .object), ("number", .number): true
        case ("integer", .number(let number)): number.rounded() == number
        default: false
        }
    }
}
