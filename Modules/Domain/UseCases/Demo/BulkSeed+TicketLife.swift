import Foundation

/// One generated ticket from creation to its current state, written as the use cases would have:
/// each step changes the ticket, bumps its version and appends its audit event (and message), and
/// brings the ticket's SLA record along (`TicketSLA.follow`, as `TicketMutation.seal` does). Between the
/// steps and up to the plan's end, the SLA worker is taken to have run continuously: each warning or
/// breach the record reaches is reported at its instant (`TicketSLA.sweep`) with the audit event
/// `SLASweepUseCases` writes. So a loaded dataset is in the worker's steady state: what it finds due
/// afterwards is what was crossed since the plan's end, not a backlog of the whole history.
///
/// Every organization of a bulk seed is fresh, with no SLA policies: the §6 defaults (`SLAClock.default`) apply.
struct TicketLife {
    private var ticket: Ticket
    private var sla: TicketSLA
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
            contact: seed.customerContacts[customerIndex],
            subject: topic.subject, description: topic.description,
            channel: random.weighted([(.web, 45), (.email, 30), (.chat, 10), (.api, 10), (.phone, 5)]),
            category: category,
            priority: random.weighted([(.low, 20), (.medium, 50), (.high, 22), (.urgent, 8)]),
            status: .open, tags: tags, references: references, departmentID: seed.departmentIDs[departmentIndex],
            tier: min(3, departmentIndex + 1), language: random.percent(85) ? "en" : "de", createdAt: created)
        sla = TicketSLA.start(for: ticket, clock: Self.clock)
        self.random = random
        record(.created, actor: ticket.customerID, [FieldChange(field: "status", before: nil, after: TicketStatus.open.rawValue)], bump: false)
        live()
        reportCrossings(until: plan.end)
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
        batch.ticketSLAs.append(sla)
    }

    /// The clock of every bulk ticket: its organization has no policies.
    static let clock = SLAClock.default

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
        // A public agent reply is the first response, in the step that adds it (the SLA record follows it there).
        if kind == .agent && !isInternal { ticket.firstResponseAt = ticket.firstResponseAt ?? now }
        record(isInternal ? .internalNoteAdded : .messageAdded, actor: author, [])
    }

    private mutating func record(_ kind: AuditEvent.Kind, actor: UserID?, _ changes: [FieldChange], note: String? = nil, bump: Bool = true) {
        // What the worker reported before this step (the record as the previous step left it).
        reportCrossings(until: now)
        events.append(AuditEvent(
            id: Identifier(Self.uuid(at: now, &random)), organizationID: ticket.organizationID, ticketID: ticket.id, actorID: actor,
            kind: kind, changes: changes, note: note, at: now))
        if bump {
            ticket.version += 1
            ticket.updatedAt = now
            let read = sla.version
            sla.follow(ticket, clock: Self.clock, at: now)
            sla.version = read + 1
        }
    }

    /// The SLA worker's sweeps up to `end`: each crossing reported at the instant it is due, with its
    /// audit event (the ticket itself does not change).
    private mutating func reportCrossings(until end: Date) {
        // A sweep moves `nextCheckAt` past the instant it ran at; the bound only guards that promise.
        for _ in 0..<8 {
            guard let due = sla.nextCheckAt, due <= end else { return }
            let (swept, crossings) = sla.sweep(clock: Self.clock, at: due)
            sla = swept
            for crossing in crossings {
                events.append(AuditEvent(
                    id: Identifier(Self.uuid(at: due, &random)), organizationID: ticket.organizationID, ticketID: ticket.id, actorID: nil,
                    kind: crossing.kind == .warning ? .slaWarning : .slaBreached,
                    changes: [FieldChange(field: "sla.\(crossing.metric.rawValue)", before: nil, after: crossing.kind.rawValue)],
                    note: SLASweepUseCases.reason(crossing), at: due))
            }
        }
    }

    private static func uuid(at date: Date, _ random: inout SplitMix64) -> UUID {
        UUIDv7.make(milliseconds: UInt64(date.millisecondsSince1970), sequence: UInt16(random.below(4096)), random: random.next())
    }
}
