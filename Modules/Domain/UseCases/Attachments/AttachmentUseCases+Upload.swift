import Foundation

extension AttachmentUseCases {
    /// Uploads a file to a ticket as a pending attachment, to be attached by the next message that lists it.
    ///
    /// Whoever may reply to the ticket or add an internal note to it may upload. The type is decided from
    /// the first bytes (§3); the size limit of that type is enforced while the body streams to the file store,
    /// which is hashed and counted on the way, so the file is never whole in memory. On any failure the
    /// partial object is deleted and nothing is recorded. `field` names the input in errors.
    public func upload(
        _ ticketID: TicketID, filename: String?, body: ByteStream, field: String = "file", actor: Actor
    ) async throws(DomainError) -> Attachment {
        let ticket = try await uploadableTicket(ticketID, actor: actor)
        let givenName = String((filename ?? "").prefix(1_000))
        let reader = UploadReader(body)
        let prefix: Data
        do {
            prefix = try await reader.readPrefix(ContentTypeDetector.sniffLength)
        } catch {
            throw Self.bodyFailure(error, field: field)
        }
        guard !prefix.isEmpty else { throw .invalid(field, "is empty") }
        guard let detection = ContentTypeDetector.detect(prefix: prefix, filename: givenName) else {
            throw .invalid(field, "is not an allowed file type (JPEG, PNG, GIF, WebP images; PDF or UTF-8 text documents)")
        }
        let maximum = limits.maximumBytes(for: detection.kind)
        let id: AttachmentID = deps.ids.make()
        let key = Attachment.fileKey(organization: ticket.organizationID, id: id)
        let meter = reader.meter(limit: maximum, checksText: detection.isText)

        do {
            _ = try await files.put(key, contentType: detection.contentType, body: meter.stream)
        } catch {
            // The object may be half written: remove it whatever happened.
            try? await files.delete(key)
            if let failure = meter.failure { throw Self.meterFailure(failure, field: field, maximum: maximum) }
            throw .unavailable(reason: "the file store failed: \(error)")
        }
        let summary = meter.summary
        let attachment = Attachment(
            id: id, organizationID: ticket.organizationID, ticketID: ticket.id, uploaderID: actor.userID, filename: givenName,
            safeFilename: SafeFilename.make(givenName), contentType: detection.contentType, kind: detection.kind,
            size: summary.size, sha256: summary.sha256, fileKey: key, createdAt: deps.clock.now()
        )
        do throws(DomainError) {
            _ = try await deps.commit(UnitOfWork([.insertAttachment(attachment)]))
        } catch {
            try? await files.delete(key)
            throw error
        }
        return attachment
    }

    /// The ticket if the actor may add files to it (whoever may reply or add an internal note):
    /// `notFound` when they may not see it, `forbidden` when they may see it only. Callers check this
    /// before reading a request body, so a stranger learns nothing from how the body is refused.
    public func uploadableTicket(_ ticketID: TicketID, actor: Actor) async throws(DomainError) -> Ticket {
        let ticket = try await tickets.ticket(ticketID, actor: actor)
        guard AccessPolicy.allows(actor, .reply, on: ticket) || AccessPolicy.allows(actor, .addInternalNote, on: ticket) else {
            throw .forbidden(reason: "a \(actor.role.rawValue) may not add files to this ticket")
        }
        return ticket
    }

    private static func meterFailure(_ failure: UploadMeter.Failure, field: String, maximum: Int64) -> DomainError {
        switch failure {
        case .tooLarge: .tooLarge(field: field, maximumBytes: maximum)
        case .notText: .invalid(field, "is not valid UTF-8 text throughout")
        case .body(let error): bodyFailure(error, field: field)
        }
    }

    /// The body failed (malformed multipart, client gone): a domain error passes through, anything else
    /// is the request's fault.
    private static func bodyFailure(_ error: any Error, field: String) -> DomainError {
        if let domain = error as? DomainError { return domain }
        return .invalid(field, "could not be read: \(error)")
    }
}
