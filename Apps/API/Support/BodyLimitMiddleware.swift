import Hummingbird

/// Refuses, before reading a byte of it, any request whose declared body is over the limit (413);
/// `JSONBody` also stops a chunked body as soon as it passes the limit.
struct BodyLimitMiddleware: RouterMiddleware {
    typealias Context = APIRequestContext

    let maximumBytes: Int
    /// The limit of file uploads (`POST /api/v1/tickets/{id}/attachments`), which stream and are limited
    /// per file type by the use case while they stream; this only refuses what no file type allows.
    var uploadMaximumBytes: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let limit = Self.isUpload(request) ? uploadMaximumBytes : maximumBytes
        if let declared = request.headers[.contentLength].flatMap({ Int($0) }), declared > limit {
            throw APIError.bodyTooLarge(limit: limit)
        }
        return try await next(request, context)
    }

    /// `POST /api/v1/tickets/<id>/attachments` (the middleware runs before routing, so it matches the path).
    static func isUpload(_ request: Request) -> Bool {
        guard request.method == .post else { return false }
        let segments = request.uri.path.split(separator: "/")
        return segments.count == 5 && segments[0] == "api" && segments[1] == "v1" && segments[2] == "tickets" && segments[4] == "attachments"
    }
}
