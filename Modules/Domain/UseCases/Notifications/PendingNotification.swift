import Foundation

/// A notification a ticket change asks for, before its recipient is looked up.
struct PendingNotification: Sendable {
    enum Audience: Sendable, Equatable {
        /// The ticket's contact.
        case customer
        /// A member of staff (assignee, escalation target …).
        case user(UserID)
    }

    let kind: Notification.Kind
    let audience: Audience
    let values: [String: String]
}

extension Dependencies {
    /// Turns pending notifications into outbox jobs for the unit of work of `ticket`'s change.
    /// Nobody is notified of their own action, and a contact without an email is skipped.
    /// `knownUsers`: staff as the caller already read them (a batched auto-assignment's snapshot); others are read here.
    func outboxJobs(
        for pending: [PendingNotification], ticket: Ticket, actor: UserID?, now: Date, knownUsers: [UserID: User] = [:]
    ) async throws(DomainError) -> [UnitOfWork.Change] {
        var jobs: [UnitOfWork.Change] = []
        for notification in pending {
            let recipient: Recipient?
            switch notification.audience {
            case .customer:
                recipient = ticket.contact.email.map { Recipient(userID: ticket.customerID, name: ticket.contact.name, email: $0) }
            case .user(let id):
                let user: User? = if let known = knownUsers[id], known.organizationID == ticket.organizationID {
                    known
                } else {
                    try await read { try await $0.user(id: id, in: ticket.organizationID) }
                }
                recipient = user.flatMap { $0.isActive ? Recipient(userID: $0.id, name: $0.name, email: $0.email) : nil }
            }
            guard let recipient, recipient.userID == nil || recipient.userID != actor else { continue }
            let request = NotificationRequest(
                id: ids.make(), organizationID: ticket.organizationID, kind: notification.kind, recipient: recipient,
                ticketID: ticket.id, values: notification.values, createdAt: now
            )
            jobs.append(.enqueueJob(Outbox.job(for: request, id: ids.make())))
        }
        return jobs
    }
}
