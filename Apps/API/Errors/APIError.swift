import Domain
import HTTPTypes
import Hummingbird

/// Refusals of the HTTP layer itself, before any use case runs: input that cannot even be read, a body
/// too large, a flood, an unknown route, and the opaque internal error.
enum APIError: Error, ProblemConvertible, HTTPResponseError {
    /// The body is not the JSON the endpoint reads (syntax, or a value of the wrong type).
    case malformedBody([FieldViolation])
    /// A path or query parameter cannot be parsed.
    case badParameters([FieldViolation])
    case bodyTooLarge(limit: Int?)
    /// The body is not in a format the endpoint reads (e.g. an upload that is not multipart/form-data).
    case unsupportedMediaType(expected: String)
    case rateLimited(retryAfter: Int)
    case routeNotFound
    /// Anything unexpected: the client learns nothing but the request id; the log has the rest.
    case internalError
    // MARK: realtime
    /// A user already holds the most real-time connections allowed on this process.
    case tooManyConnections(limit: Int)
    /// `GET /api/v1/realtime` without a WebSocket upgrade.
    case upgradeRequired

    var status: HTTPResponse.Status { problem.status }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        problem.response(requestID: (context as? APIRequestContext)?.requestID ?? context.id, instance: request.uri.path)
    }

    var problem: Problem {
        switch self {
        case .malformedBody(let violations):
            Problem(
                status: .badRequest, slug: "malformed-body", title: "The request body cannot be read",
                detail: violations.map { "\($0.field) \($0.message)" }.joined(separator: "; "), errors: violations
            )
        case .badParameters(let violations):
            Problem(
                status: .badRequest, slug: "bad-parameter", title: "A parameter cannot be read",
                detail: violations.map { "\($0.field) \($0.message)" }.joined(separator: "; "), errors: violations
            )
        case .bodyTooLarge(let limit):
            Problem(
                status: .contentTooLarge, slug: "body-too-large", title: "The request body is too large",
                detail: limit.map { "request bodies are limited to \($0) bytes" } ?? "the request body exceeds the limit"
            )
        case .unsupportedMediaType(let expected):
            Problem(
                status: .unsupportedMediaType, slug: "unsupported-media-type", title: "Unsupported request body format",
                detail: "expected \(expected)", errors: [FieldViolation(field: "Content-Type", message: "must be \(expected)")]
            )
        case .rateLimited(let retryAfter):
            Problem(
                status: .tooManyRequests, slug: "rate-limited", title: "Too many requests",
                detail: "too many attempts; retry in \(retryAfter) seconds", extensions: ProblemExtensions(retryAfter: retryAfter),
                headers: [.retryAfter: String(retryAfter)]
            )
        case .routeNotFound:
            Problem(status: .notFound, slug: "no-route", title: "Not found", detail: "no such route; see /api/v1/openapi.json")
        case .internalError:
            Problem(
                status: .internalServerError, slug: "internal", title: "Internal error",
                detail: "an unexpected error occurred; quote the request id when reporting it"
            )
        case .tooManyConnections(let limit):
            Problem(
                status: .tooManyRequests, slug: "too-many-connections", title: "Too many real-time connections",
                detail: "at most \(limit) real-time connections per user; close one first"
            )
        case .upgradeRequired:
            Problem(
                status: HTTPResponse.Status(code: 426, reasonPhrase: "Upgrade Required"), slug: "upgrade-required",
                title: "WebSocket upgrade required", detail: "open this endpoint as a WebSocket (Upgrade: websocket)",
                headers: [.upgrade: "websocket"]
            )
        }
    }

    /// One unreadable field.
    static func malformed(_ field: String, _ message: String) -> APIError {
        .malformedBody([FieldViolation(field: field, message: message)])
    }

    static func badParameter(_ field: String, _ message: String) -> APIError {
        .badParameters([FieldViolation(field: field, message: message)])
    }
}
