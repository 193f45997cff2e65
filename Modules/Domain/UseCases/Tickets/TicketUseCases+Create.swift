/// What a caller supplies to open a ticket.
public struct NewTicket: Sendable, Equatable {
    public var subject: String?
    public var description: String?
    public var category: String?
    public var priority: Priority?
    public var channel: Channel
    public var tags: [String]
    public var customFields: [String: CustomFieldValue]
    public var references: [ExternalReference]
    public var departmentID: DepartmentID?
    public var language: String?
    /// Staff opening a ticket on a customer's behalf name the customer; customers open their own.
    public var customerID: UserID?
    public var journeyAnswers: JourneyAnswers?

    public init(
        subject: String?, description: String?, category: String? = nil, priority: Priority? = nil, channel: Channel = .web,
        tags: [String] = [], customFields: [String: CustomFieldValue] = [:], references: [ExternalReference] = [],
        departmentID: DepartmentID? = nil, language: String? = nil, customerID: UserID? = nil, journeyAnswers: JourneyAnswers? = nil
    ) {
        self.subject = subject
        self.description = description
        self.category = category
        self.priority = priority
        self.channel = channel
        self.tags = tags
        self.customFields = customFields
        self.references = references
        self.departmentID = departmentID
        self.language = language
        self.customerID = customerID
        self.journeyAnswers = journeyAnswers
    }

    /// Identifies this request for idempotent replays.
    var fingerprint: String {
        Fingerprint.of([
            subject ?? "", description ?? "", category ?? "", priority?.rawValue ?? "", channel.rawValue,
            Ticket.normalizedTags(tags).joined(separator: ","),
            customFields.keys.sorted().map { "\($0)=\(String(describing: customFields[$0]!))" }.joined(separator: ";"),
            references.map { "\($0.kind):\($0.value)" }.joined(separator: ";"),
            departmentID?.description ?? "", language ?? "", customerID?.description ?? "",
        ])
    }
}

extension TicketUseCases {
    /// Opens a ticket. With an idempotency key, a replay of the same request returns the ticket the first
    /// call created (and creates nothing); the same key with a different request is refused.
    public func create(_ input: NewTicket, actor: Actor, idempotencyKey: String? = nil) async throws(DomainError) -> Ticket {
        try AccessPolicy.authorize(actor, .createTicket)
        let org = actor.organizationID
        if let key = idempotencyKey, let replay = try await replay(key: key, input: input, actor: actor) { return replay }

        let organization = try await deps.read { try await $0.organization(id: org) }
        guard let organization else { throw .notFound(entity: "organization") }
        var v = Validator()
        let subject = v.text(input.subject, field: "subject", max: Limits.subject)
        let description = v.text(input.description, field: "description", max: Message.maximumBodyBytes)
        if let d = input.description, d.utf8.count > Message.maximumBodyBytes { v.fail("description", "must be at most 50 KB") }
        let category = input.category ?? organization.settings.defaultCategory
        if !organization.settings.categories.contains(category) {
            v.fail("category", "must be one of \(organization.settings.categories.joined(separator: ", "))")
        }
        let tags = Ticket.normalizedTags(input.tags)
        if tags.count > Limits.tags { v.fail("tags", "at most \(Limits.tags) tags") }
        if tags.contains(where: { $0.count > Limits.tag }) { v.fail("tags", "each tag at most \(Limits.tag) characters") }
        if input.customFields.count > Limits.customFields { v.fail("customFields", "at most \(Limits.customFields) fields") }
        if input.references.count > Limits.references { v.fail("references", "at most \(Limits.references) references") }
        if let key = idempotencyKey, key.isEmpty || key.count > 255 { v.fail("Idempotency-Key", "must be 1 to 255 characters") }
        if actor.role == .customer, let other = input.customerID, other != actor.userID {
            v.fail("customerId", "customers open tickets for themselves")
        }
        try v.check()

        let customerID = actor.role == .customer ? actor.userID : (input.customerID ?? actor.userID)
        let customer = try await deps.read { try await $0.user(id: customerID, in: org) }
        guard let customer else { throw .invalid("customerId", "no such user") }
        var tier = 1
        if let departmentID = input.departmentID {
            let department = try await deps.read { try await $0.department(id: departmentID, in: org) }
            guard let department else { throw .invalid("departmentId", "no such department") }
            tier = department.tier
        }

        let now = deps.clock.now()
        var ticket = Ticket(
            id: deps.ids.make(), organizationID: org, customerID: customer.id,
            contact: Contact(name: customer.name, email: customer.email, phone: customer.phone),
            subject: subject!, description: description!, channel: input.channel, category: category,
            priority: input.priority ?? .medium, status: .open, tags: tags, customFields: input.customFields,
            references: input.references, journeyAnswers: input.journeyAnswers, departmentID: input.departmentID,
            tier: tier, language: input.language, createdAt: now
        )
        let created = AuditEvent(
            id: deps.ids.make(), organizationID: org, ticketID: ticket.id, actorID: actor.userID, kind: .created,
            changes: [FieldChange(field: "status", before: nil, after: TicketStatus.open.rawValue)], at: now
        )
        let key = idempotencyKey.map { IdempotencyKey(organizationID: org, userID: actor.userID, key: $0, fingerprint: input.fingerprint) }
        let receipt: CommitReceipt
        do {
            let clock = try await deps.slaSetup(org).clock(for: ticket).clock
            var unit = UnitOfWork([
                .insertTicket(ticket, idempotencyKey: key), .appendAuditEvent(created),
                .saveTicketSLA(.start(for: ticket, clock: clock), expectedVersion: nil),
            ])
            // The number is allocated by the commit, so the event names the ticket by id (clients read the number).
            unit.record([
                DomainEvent(kind: .ticketCreated, organizationID: org, ticketID: ticket.id, departmentID: ticket.departmentID,
                            data: ["ticketId": ticket.id.description, "customerId": customer.id.description], at: now),
                DomainEvent(kind: .queueUpdated, organizationID: org, ticketID: ticket.id, departmentID: ticket.departmentID, staffOnly: true, at: now),
            ])
            unit.append(contentsOf: try await deps.outboxJobs(
                for: [PendingNotification(kind: .ticketCreated, audience: .customer, values: [:])], ticket: ticket,
                actor: actor.role == .customer ? nil : actor.userID, now: now
            ))
            receipt = try await deps.storage.commit(unit)
        } catch StorageError.duplicate(constraint: .idempotencyKey) {
            // A concurrent request with the same key won the race: answer with its ticket.
            if let idempotencyKey, let replay = try await replay(key: idempotencyKey, input: input, actor: actor) { return replay }
            throw .conflict(reason: "the idempotency key is already in use")
        } catch {
            throw DomainError(storageFailure: error)
        }
        ticket.number = receipt.ticketNumbers[ticket.id] ?? ticket.number
        deps.eventsCommitted()
        return ticket
    }

    /// The ticket an earlier request with this key created, or nil when the key is new.
    private func replay(key: String, input: NewTicket, actor: Actor) async throws(DomainError) -> Ticket? {
        let record = try await deps.read { try await $0.idempotencyRecord(organization: actor.organizationID, user: actor.userID, key: key) }
        guard let record else { return nil }
        guard record.key.fingerprint == input.fingerprint else { throw .idempotencyKeyReused }
        let ticket = try await deps.read { try await $0.ticket(id: record.ticketID, in: actor.organizationID) }
        guard let ticket else { throw .notFound(entity: "ticket") }
        return ticket
    }
}
