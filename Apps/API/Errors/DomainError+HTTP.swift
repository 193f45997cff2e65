import Domain
import HTTPTypes
import Hummingbird

/// The one place where a domain refusal becomes an HTTP status and a problem body. The switch is
/// exhaustive on purpose: a new `DomainError` case does not compile until it is mapped here.
extension DomainError: HTTPResponseError, ProblemConvertible {
    public var status: HTTPResponse.Status { problem.status }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        problem.response(requestID: (context as? APIRequestContext)?.requestID ?? context.id, instance: request.uri.path)
    }

    var problem: Problem {
        switch self {
        case .validation(let violations):
            Problem(
                status: .unprocessableContent, slug: "validation", title: "The request is not valid",
                detail: violations.map { "\($0.field) \($0.message)" }.joined(separator: "; "), errors: violations
            )
        case .notFound(let entity):
            Problem(status: .notFound, slug: "not-found", title: "Not found", detail: "no such \(entity)")
        case .forbidden(let reason):
            Problem(status: .forbidden, slug: "forbidden", title: "Forbidden", detail: reason)
        case .unauthenticated(let reason):
            Problem(
                status: .unauthorized, slug: "unauthenticated", title: "Authentication required", detail: reason,
                headers: [.wwwAuthenticate: "Bearer"]
            )
        case .staleVersion(let current):
            Problem(
                status: .preconditionFailed, slug: "stale-version", title: "The record has changed",
                detail: "the record is at version \(current) now; reload it and retry with If-Match: \"\(current)\"",
                extensions: ProblemExtensions(currentVersion: current), headers: [.eTag: EntityTag.header(for: current)]
            )
        case .conflict(let reason):
            Problem(status: .conflict, slug: "conflict", title: "Conflict with the current state", detail: reason)
        case .illegalTransition(let from, let to):
            Problem(
                status: .conflict, slug: "illegal-transition", title: "Illegal status transition",
                detail: "a ticket cannot move from \(from.rawValue) to \(to.rawValue)",
                extensions: ProblemExtensions(from: from.rawValue, to: to.rawValue, allowed: from.allowedNext.map(\.rawValue).sorted())
            )
        case .idempotencyKeyReused:
            Problem(
                status: .unprocessableContent, slug: "idempotency-key-reused", title: "Idempotency key reused",
                detail: "this Idempotency-Key was already used for a different request",
                errors: [FieldViolation(field: "Idempotency-Key", message: "was already used for a different request")]
            )
        case .tooLarge(let field, let maximumBytes):
            Problem(
                status: .contentTooLarge, slug: "too-large", title: "The file is too large",
                detail: "\(field) is larger than its limit of \(maximumBytes) bytes; nothing was stored",
                errors: [FieldViolation(field: field, message: "must be at most \(maximumBytes) bytes")]
            )
        case .unavailable(let reason):
            Problem(
                status: .serviceUnavailable, slug: "unavailable", title: "Service unavailable",
                detail: "a service Switchboard depends on is unavailable; retry later",
                extensions: ProblemExtensions(retryAfter: 5), headers: [.retryAfter: "5"], logNote: reason
            )
        }
    }
}
