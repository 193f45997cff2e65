import Domain

/// A notification that could not be delivered (`GET /api/v1/admin/outbox/failed`).
struct FailedDeliveryResponse: Encodable, Sendable {
    /// The delivery job's id, for `POST /api/v1/admin/outbox/{id}/retry`.
    let id: String
    /// `Notification.Kind`'s raw value; `null` when the stored request cannot be read.
    @Nullable var kind: String?
    @Nullable var recipient: FailedDeliveryRecipient?
    @Nullable var ticketId: String?
    let attempts: Int
    @Nullable var lastError: String?
    let createdAt: String

    init(_ job: Job, _ request: NotificationRequest?) {
        id = job.id.description
        kind = request?.kind.rawValue
        recipient = request.map { FailedDeliveryRecipient(name: $0.recipient.name, email: $0.recipient.email.value) }
        ticketId = request?.ticketID.description
        attempts = job.attempts
        lastError = job.lastError
        createdAt = WireTime.string(job.createdAt)
    }
}

struct FailedDeliveryRecipient: Encodable, Sendable {
    let name: String
    let email: String
}
