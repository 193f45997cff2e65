import Hummingbird

/// Refuses, before reading a byte of it, any request whose declared body is over the limit (413);
/// `JSONBody` also stops a chunked body as soon as it passes the limit.
struct BodyLimitMiddleware: RouterMiddleware {
    typealias Context = APIRequestContext

    let maximumBytes: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let declared = request.headers[.contentLength].flatMap({ Int($0) }), declared > maximumBytes {
            throw APIError.bodyTooLarge(limit: maximumBytes)
        }
        return try await next(request, context)
    }
}
