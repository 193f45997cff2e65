import Domain
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore

/// The outermost middleware: gives every request an id (`X-Request-Id` in, or a fresh one), puts it on
/// every response and in every log line of the request, and turns every error into problem+json.
/// Errors it does not know become an opaque 500, logged with the request id and the error.
struct ProblemMiddleware: RouterMiddleware {
    typealias Context = APIRequestContext

    static let requestIDHeader = HTTPField.Name("X-Request-Id")!

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        context.requestID = Self.requestID(from: request) ?? context.id
        context.logger[metadataKey: "request.id"] = .string(context.requestID)
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            let problem = Self.problem(for: error, logger: context.logger, request: request)
            response = problem.response(requestID: context.requestID, instance: request.uri.path)
        }
        response.headers[Self.requestIDHeader] = context.requestID
        context.logger.debug("\(request.method) \(request.uri.path) \(response.status.code)")
        return response
    }

    /// A client's own request id is kept when it is a short token, so that it can trace its calls.
    private static func requestID(from request: Request) -> String? {
        guard let given = request.headers[requestIDHeader], (1...128).contains(given.utf8.count),
              given.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil || "-_.".unicodeScalars.contains($0)) })
        else { return nil }
        return given
    }

    private static func problem(for error: any Error, logger: Logger, request: Request) -> Problem {
        let problem: Problem
        switch error {
        case let known as any ProblemConvertible:
            problem = known.problem
        case let http as HTTPError where http.status == .notFound:
            problem = APIError.routeNotFound.problem
        case is NIOTooManyBytesError:
            problem = APIError.bodyTooLarge(limit: nil).problem
        case let http as any HTTPResponseError where http.status.kind == .clientError:
            // Raised by Hummingbird itself; never a 5xx for what the client sent.
            problem = Problem(status: http.status, slug: "http", title: http.status.reasonPhrase, detail: http.status.reasonPhrase)
        default:
            logger.error("unexpected error", metadata: ["error": "\(String(reflecting: error))", "path": "\(request.uri.path)"])
            return APIError.internalError.problem
        }
        if let note = problem.logNote {
            logger.warning("\(problem.title): \(note)", metadata: ["path": "\(request.uri.path)"])
        }
        return problem
    }
}
