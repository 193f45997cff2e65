import Domain
import Foundation
import Hummingbird
import NIOCore

/// Reads a JSON request body within the size limit and decodes it, turning every way it can be wrong
/// into a 400 that names the field (or the position of a syntax error) instead of a 500.
struct JSONBody: Sendable {
    let maximumBytes: Int

    /// Decodes `T`; an empty body decodes as `{}` for endpoints whose every field is optional.
    func decode<T: Decodable>(_ type: T.Type, from request: Request) async throws -> T {
        var data = try await read(request)
        if data.isEmpty || data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { data = Data("{}".utf8) }
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch let error as DecodingError {
            throw APIError.malformedBody([Self.violation(error, in: data)])
        }
    }

    /// The raw body: 413 up front when the declared length is too large, or as soon as a chunked body
    /// grows past the limit (nothing more is read then).
    func read(_ request: Request) async throws -> Data {
        if let declared = request.headers[.contentLength].flatMap({ Int($0) }), declared > maximumBytes {
            throw APIError.bodyTooLarge(limit: maximumBytes)
        }
        do {
            let buffer = try await request.body.collect(upTo: maximumBytes)
            return Data(buffer.readableBytesView)
        } catch is NIOTooManyBytesError {
            throw APIError.bodyTooLarge(limit: maximumBytes)
        }
    }

    /// Which field is wrong and how, in words a client developer can act on.
    static func violation(_ error: DecodingError, in data: Data) -> FieldViolation {
        return switch error {
        case .typeMismatch(let expected, let context):
            FieldViolation(field: path(context.codingPath), message: "must be \(describe(expected))")
        case .valueNotFound(let expected, let context):
            FieldViolation(field: path(context.codingPath), message: "must be \(describe(expected)), not null")
        case .keyNotFound(let key, let context):
            FieldViolation(field: path(context.codingPath + [key]), message: "is required")
        case .dataCorrupted(let context):
            context.codingPath.isEmpty
                ? FieldViolation(field: "body", message: "is not valid JSON" + (syntaxPosition(data).map { " (\($0))" } ?? ""))
                : FieldViolation(field: path(context.codingPath), message: context.debugDescription)
        @unknown default:
            FieldViolation(field: "body", message: "cannot be read")
        }
    }

    /// Where a syntax error is, in Foundation's words ("Invalid value around character 10."). The decoder
    /// does not say; `JSONSerialization` does, so the body is parsed once more on this error path only.
    private static func syntaxPosition(_ data: Data) -> String? {
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            return nil
        } catch {
            return (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
        }
    }

    /// `customFields.size`, `references[0].kind` …
    static func path(_ codingPath: [any CodingKey]) -> String {
        guard !codingPath.isEmpty else { return "body" }
        var text = ""
        for key in codingPath {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return text
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Int64.Type: "an integer"
        case is Double.Type: "a number"
        case is Bool.Type: "true or false"
        case is [Any].Type: "an array"
        case is [String: Any].Type: "an object"
        default: "a value of type \(type)"
        }
    }
}
