/// The conversation on a ticket: replies and internal notes.
public struct MessageUseCases: Sendable {
    let deps: Dependencies
    private let tickets: TicketUseCases

    public init(_ deps: Dependencies) {
        self.deps = deps
        tickets = TicketUseCases(deps)
    }

    /// The thread as the actor may see it: customers never receive internal notes.
    public func thread(_ ticketID: TicketID, actor: Actor) async throws(DomainError) -> [Message] {
        _ = try await tickets.ticket(ticketID, actor: actor)
        let includeInternal = AccessPolicy.seesInternal(actor)
        return try await deps.read { try await $0.messages(ticket: ticketID, in: actor.organizationID, includeInternal: includeInternal) }
    }

    /// Attaches the actor's pending uploads of this ticket to `message`; each other id is a violation
    /// naming its position (`attachmentIds[i]`). Files of an internal note become internal.
    private func attachChanges(_ ids: [FileID], to message: Message, actor: Actor) async throws(DomainError) -> [UnitOfWork.Change] {
        guard !ids.isEmpty else { return [] }
        var v = Validator()
        var changes: [UnitOfWork.Change] = []
        for (index, id) in ids.enumerated() {
            let found = try await deps.read { try await $0.attachment(id: id, in: message.organizationID) }
            guard let found, found.ticketID == message.ticketID, found.uploaderID == actor.userID else {
                v.fail("attachmentIds[\(index)]", "is not a file you uploaded to this ticket")
                continue
            }
            guard found.messageID == nil, !ids[..<index].contains(id) else {
                v.fail("attachmentIds[\(index)]", "is already attached to a message")
                continue
            }
            changes.append(.attachAttachment(id, organizationID: message.organizationID, messageID: message.id, isInternal: message.isInternal))
        }
        try v.check()
        return changes
    }

    /// Posts a reply or an internal note. A customer reply on `waiting_customer` moves the ticket back to
    /// `in_progress`; the first public staff reply records the first response; staff who write become
    /// participants. The message, the ticket change and the audit event commit together.
    public func post(
        _ ticketID: TicketID, body: String?, internal isInternal: Bool, attachmentIDs: [FileID] = [], actor: Actor
    ) async throws(DomainError) -> Message {
        var v = Validator()
        let text = v.text(body, field: "body", max: Message.maximumBodyBytes)
        if let body, body.utf8.count > Message.maximumBodyBytes { v.fail("body", "must be at most 50 KB") }
        if attachmentIDs.count > AttachmentLimits.perMessage { v.fail("attachmentIds", "at most 10 attachments per message") }
        try v.check()

        var posted: Message?
        _ = try await tickets.mutate(ticketID, actor: actor, action: isInternal ? .addInternalNote : .reply) { (m: inout TicketMutation) throws(DomainError) in
            guard m.ticket.status.isActive else {
                throw .conflict(reason: "the ticket is \(m.ticket.status.rawValue); reopen it to continue the conversation")
            }
            let kind: Message.Kind = switch actor.role {
            case .customer: .customer
            case .admin: .admin
            case .agent, .supervisor: .agent
            }
            let message = Message(
                id: m.id(), organizationID: m.ticket.organizationID, ticketID: m.ticket.id, authorID: actor.userID,
                kind: kind, body: text!, isInternal: isInternal, attachmentIDs: attachmentIDs, createdAt: m.now
            )
            m.extraChanges.append(.insertMessage(message))
            for change in try await attachChanges(attachmentIDs, to: message, actor: actor) { m.extraChanges.append(change) }
            m.audit(isInternal ? .internalNoteAdded : .messageAdded, note: message.id.description)
            if actor.role.isStaff {
                m.ticket.participantIDs.insert(actor.userID)
                if !isInternal, m.ticket.firstResponseAt == nil { m.ticket.firstResponseAt = m.now }
                // Internal notes never reach customers, not even as a notification.
                if !isInternal { m.notify(.replyAdded, .customer, ["message.body": message.body]) }
            } else {
                if m.ticket.status == .waitingCustomer { try m.move(to: .inProgress, note: "customer replied") }
                if let assignee = m.ticket.assigneeID { m.notify(.replyAdded, .user(assignee), ["message.body": message.body]) }
            }
            m.event(.messageCreated, staffOnly: isInternal, data: ["messageId": message.id.description])
            posted = message
        }
        return posted!
    }
}
