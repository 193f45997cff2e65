import Foundation

/// One generated ticket from creation to its current state, written as the use cases would have:
/// each step changes the ticket, bumps its version and appends its audit event (and message).
struct TicketLife {
    private var ticket: Ticket
    private var messages: [Message] = []
    private var events: [AuditEvent] = []
    private var now: Date
    private var random: SplitMix64
    private let seed: BulkSeed

    init(seed: BulkSeed, number: Int, random: inout SplitMix64) {
        self.seed = seed
        let plan = seed.plan
        let created = plan.end.addingTimeInterval(-BulkSeed.spacing * Double(plan.tickets - number)).truncatedToMilliseconds
        now = created
        let customerIndex = random.below(seed.customerIDs.count)
        let category = random.pick(BulkSeed.categories)
        let topic = random.pick(BulkSeed.topics[category] ?? BulkSeed.topics["general"]!)
        let departmentIndex = random.below(seed.departmentIDs.count)
        let tags = (0..<random.weighted([(0, 30), (1, 40), (2, 20), (3, 10)])).map { _ in random.pick(BulkSeed.tags) }
        var references: [ExternalReference] = []
        if random.percent(25) { references.append(ExternalReference(kind: "order", value: "ORD-\(100_000 + random.below(900_000))")) }
        ticket = Ticket(
            id: Identifier(Self.uuid(at: created, &random)), organizationID: seed.organization.id, number: TicketNumber(number),
            customerID: seed.customerIDs[customerIndex],
            contact: Contact(name: BulkSeed.customerName(customerIndex), email: EmailAddress(BulkSeed.customerEmail(customerIndex + 1))),
            subject: topic.subject, description: topic.description,
            channel: random.weighted([(.web, 45), (.email, 30), (.chat, 10), (.api, 10), (.phone, 5)]),
            category: category,
            priority: random.weighted([(.low, 20), (.medium, 50), (.high, 22), (.urgent, 8)]),
            status: .open, tags: tags, references: references, departmentID: seed.departmentIDs[departmentIndex],
            tier: min(3, departmentIndex + 1), language: random.percent(85) ? "en" : "de", createdAt: created)
        self.random = random
        record(.created, actor: ticket.customerID, [FieldChange(field: "status", before: nil, after: TicketStatus.open.rawValue)], bump: false)
        live()
        random = self.random
    }

    /// Moves the ticket along a typical path to a status drawn from a realistic mix of a help desk's backlog.
    private mutating func live() {
        let target: TicketStatus = random.weighted([
            (.open, 25), (.assigned, 8), (.inProgress, 14), (.waitingCustomer, 10), (.waitingInternal, 3),
            (.escalated, 3), (.resolved, 15), (.closed, 20), (.reopened, 2),
        ])
        if random.percent(40) { write(.customer, author: ticket.customerID, BulkSeed.customerFollowUps) }
        guard target != .open else { return }
        let agent = random.pick(seed.agentIDs)
        advance(minutes: 5...120)
        ticket.assigneeID = agent
        ticket.participantIDs.insert(agent)
        move(to: .assigned, actor: nil, kind: .assigned, extra: [FieldChange(field: "assignee", before: nil, after: agent.description)])
        guard target != .assigned else { return }
        advance(minutes: 1...90)
        write(.agent, author: agent, BulkSeed.agentReplies)
        ticket.firstResponseAt = ticket.firstResponseAt ?? now
        move(to: .inProgress, actor: agent, kind: .statusChanged)
        if random.percent(30) { write(.agent, author: agent, BulkSeed.internalNotes, isInternal: true) }
        switch target {
        case .inProgress: return
        case .waitingCustomer, .waitingInternal:
            move(to: target, actor: agent, kind: .statusChanged)
        case .escalated:
            advance(minutes: 10...240)
            let to = random.pick(seed.departmentIDs)
            ticket.escalations.append(Escalation(level: 1, toAgentID: nil, toDepartmentID: to, reason: "needs tier 2", escalatedBy: agent, at: now))
            ticket.tier = min(3, ticket.tier + 1)
            move(to: .escalated, actor: agent, kind: .escalated, extra: [FieldChange(field: "escalationLevel", before: "0", after: "1")])
        case .resolved, .closed, .reopened:
            advance(minutes: 30...2_880)
            write(.customer, author: ticket.customerID, BulkSeed.customerFollowUps)
            advance(minutes: 5...600)
            ticket.resolution = Resolution(
                kind: random.weighted([(.solved, 70), (.workaround, 15), (.duplicate, 5), (.cannotReproduce, 5), (.wontFix, 5)]),
                summary: "Explained the fix and confirmed with the customer", resolvedBy: agent, resolvedAt: now)
            move(to: .resolved, actor: agent, kind: .resolved)
            if target == .closed {
                advance(minutes: 60...10_080)
                ticket.closedAt = now
                move(to: .closed, actor: nil, kind: .closed)
            } else if target == .reopened {
                advance(minutes: 60...4_320)
                ticket.reopenCount += 1
                move(to: .reopened, actor: ticket.customerID, kind: .reopened, note: "The problem came back")
            }
        default: return
        }
    }

    func write(into batch: inout SeedBatch) {
        batch.tickets.append(ticket)
        batch.messages.append(contentsOf: messages)
        batch.auditEvents.append(contentsOf: events)
    }

    private mutating func advance(minutes: ClosedRange<Int>) {
        now = now.addingTimeInterval(Double(60 * (minutes.lowerBound + random.below(minutes.count))) + Double(random.below(60_000)) / 1000)
        now = now.truncatedToMilliseconds
    }

    private mutating func move(to status: TicketStatus, actor: UserID?, kind: AuditEvent.Kind, extra: [FieldChange] = [], note: String? = nil) {
        let before = ticket.status
        ticket.status = status
        record(kind, actor: actor, extra + [FieldChange(field: "status", before: before.rawValue, after: status.rawValue)], note: note)
    }

    private mutating func write(_ kind: Message.Kind, author: UserID, _ bodies: [String], isInternal: Bool = false) {
        advance(minutes: 1...60)
        messages.append(Message(
            id: Identifier(Self.uuid(at: now, &random)), organizationID: ticket.organizationID, ticketID: ticket.id, authorID: author,
            kind: kind, body: random.pick(bodies), isInternal: isInternal, createdAt: now))
        if kind != .customer { ticket.participantIDs.insert(author) }
        record(isInternal ? .internalNoteAdded : .messageAdded, actor: author, [])
    }

    private mutating func record(_ kind: AuditEvent.Kind, actor: UserID?, _ changes: [FieldChange], note: String? = nil, bump: Bool = true) {
        events.append(AuditEvent(
            id: Identifier(Self.uuid(at: now, &random)), organizationID: ticket.organizationID, ticketID: ticket.id, actorID: actor,
            kind: kind, changes: changes, note: note, at: now))
        if bump {
            ticket.version += 1
            ticket.updatedAt = now
        }
    }

    private static func uuid(at date: Date, _ random: inout SplitMix64) -> UUID {
        UUIDv7.make(milliseconds: UInt64(date.millisecondsSince1970), sequence: UInt16(random.below(4096)), random: random.next())
    }
}
