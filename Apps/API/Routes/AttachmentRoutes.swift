import Domain
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Files on tickets: multipart upload streamed to the file store, metadata, and permission-checked download.
struct AttachmentRoutes: Sendable {
    let attachments: AttachmentUseCases

    /// The form field that carries the file.
    static let fileField = "file"

    func register(on group: RouterGroup<APIRequestContext>) {
        group.post("tickets/{id}/attachments") { request, context in
            let identity = try context.requireIdentity()
            let id: TicketID = try RouteSupport.id("id", context)
            let attachment = try await upload(request, to: id, actor: identity.actor)
            return try JSONCoding.response(AttachmentResponse(attachment), status: .created)
        }
        group.get("tickets/{id}/attachments") { _, context in
            let identity = try context.requireIdentity()
            let files = try await attachments.list(try RouteSupport.id("id", context), actor: identity.actor)
            return try JSONCoding.response(ListResponse(items: files.map(AttachmentResponse.init), nextCursor: nil))
        }
        group.get("attachments/{id}") { _, context in
            let identity = try context.requireIdentity()
            let attachment = try await attachments.attachment(try RouteSupport.id("id", context), actor: identity.actor)
            return try JSONCoding.response(AttachmentResponse(attachment))
        }
        group.get("attachments/{id}/content") { _, context in
            try await download(context)
        }
        // §16's fixed download path.
        group.get("files/{id}") { _, context in
            try await download(context)
        }
    }

    /// Finds the `file` part and streams it into the use case, which detects, limits, hashes and stores it.
    private func upload(_ request: Request, to ticket: TicketID, actor: Actor) async throws -> Attachment {
        _ = try await attachments.uploadableTicket(ticket, actor: actor)
        guard let boundary = HeaderParameters.formDataBoundary(request.headers[.contentType]) else {
            throw APIError.unsupportedMediaType(expected: "multipart/form-data with a boundary, the file in a part named \"\(Self.fileField)\"")
        }
        let reader = MultipartReader(body: request.body, boundary: boundary)
        var filePart: MultipartPart?
        do {
            while let part = try await reader.nextPart() {
                if part.name == Self.fileField, part.filename != nil {
                    filePart = part
                    break
                }
            }
        } catch let error as MultipartError {
            throw APIError.malformed("body", "is not valid multipart/form-data: \(error.reason)")
        }
        guard let filePart else { throw DomainError.invalid(Self.fileField, "is required (a file part named \"\(Self.fileField)\" with a filename)") }
        let stream = ByteStream(AsyncThrowingStream(unfolding: {
            do {
                return try await reader.nextChunk()
            } catch let error as MultipartError {
                throw DomainError.invalid(Self.fileField, "could not be read: \(error.reason)")
            }
        }))
        return try await attachments.upload(ticket, filename: filePart.filename, body: stream, field: Self.fileField, actor: actor)
    }

    /// The bytes, streamed from the store, with headers that stop a browser from running or sniffing them.
    private func download(_ context: APIRequestContext) async throws -> Response {
        let identity = try context.requireIdentity()
        let (attachment, bytes) = try await attachments.content(try RouteSupport.id("id", context), actor: identity.actor)
        var headers: HTTPFields = [:]
        headers[.contentType] = attachment.contentType
        headers[.contentLength] = String(attachment.size)
        headers[.contentDisposition] = ContentDisposition.attachment(filename: attachment.safeFilename)
        headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        headers[HTTPField.Name("X-Checksum-SHA256")!] = attachment.sha256
        headers[.eTag] = "\"sha256-\(attachment.sha256)\""
        headers[.cacheControl] = "private, no-cache"
        headers[HTTPField.Name("Content-Security-Policy")!] = "default-src 'none'; sandbox"
        let body = ResponseBody(asyncSequence: bytes.map { ByteBuffer(bytes: $0) })
        return Response(status: .ok, headers: headers, body: body)
    }
}
