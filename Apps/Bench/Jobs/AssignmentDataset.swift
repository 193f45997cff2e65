import Domain
import Foundation

/// The auto-assignment benchmark's data (§15: 10,000 queued tickets over 500 agents), in a fresh organization:
/// four departments (alternately round robin and least loaded), agents who are available, inside their shift
/// (all week) and with room for every ticket, and unassigned open tickets of mixed priority and language.
/// Kept in memory too, so that the pure planner can be timed over exactly what storage holds.
struct AssignmentDataset {
    let organization: Organization
    let departments: [Department]
    let agents: [User]
    let profiles: [AgentProfile]
    let customer: User
    let tickets: [Ticket]
    let auditEvents: [AuditEvent]

    /// Each agent's capacity: the queue fits with room to spare, so a pass can always drain it.
    static let capacity = 40

    init(tickets ticketCount: Int, agents agentCount: Int, ids: any IDGenerator, now: Date) {
        let created = now.addingTimeInterval(-86_400).truncatedToMilliseconds
        let slug = "assignment-\(UInt32.random(in: 0...UInt32.max))"
        organization = Organization(id: ids.make(), slug: slug, name: "Assignment benchmark", createdAt: created)
        let org = organization.id
        departments = ["General Support", "Billing", "Technical", "Escalations"].enumerated().map { index, name in
            Department(
                id: ids.make(), organizationID: org, name: name, routingStrategy: index % 2 == 0 ? .roundRobin : .leastLoaded,
                createdAt: created)
        }
        var agents: [User] = []
        var profiles: [AgentProfile] = []
        for index in 0..<max(1, agentCount) {
            let user = User(
                id: ids.make(), organizationID: org, email: EmailAddress("agent\(index + 1)@\(slug).example")!, name: "Agent \(index + 1)",
                role: .agent, passwordHash: "!", createdAt: created)
            agents.append(user)
            // One department each; a fifth speak German too (5 and 4 are coprime: every department has some).
            profiles.append(AgentProfile(
                userID: user.id, organizationID: org, departmentIDs: [departments[index % departments.count].id], tier: 1 + index % 3,
                languages: index % 5 == 0 ? ["en", "de"] : ["en"], availability: .available, maxConcurrentTickets: Self.capacity,
                createdAt: created))
        }
        self.agents = agents
        self.profiles = profiles
        customer = User(
            id: ids.make(), organizationID: org, email: EmailAddress("customer@\(slug).example")!, name: "Queue Customer", role: .customer,
            passwordHash: "!", createdAt: created)
        var tickets: [Ticket] = []
        var auditEvents: [AuditEvent] = []
        tickets.reserveCapacity(ticketCount)
        auditEvents.reserveCapacity(ticketCount)
        let priorities: [Priority] = [.low, .medium, .medium, .high, .medium, .urgent, .low, .medium, .high, .medium]
        for index in 0..<ticketCount {
            let at = created.addingTimeInterval(Double(index)).truncatedToMilliseconds
            let ticket = Ticket(
                id: ids.make(), organizationID: org, number: TicketNumber(index + 1), customerID: customer.id,
                contact: Contact(name: customer.name, email: customer.email), subject: "Queued ticket \(index + 1)",
                description: "Waiting for auto-assignment.", priority: priorities[index % priorities.count], status: .open,
                departmentID: departments[index % departments.count].id, language: index % 10 == 0 ? "de" : "en", createdAt: at)
            tickets.append(ticket)
            auditEvents.append(AuditEvent(
                id: ids.make(), organizationID: org, ticketID: ticket.id, actorID: customer.id, kind: .created,
                changes: [FieldChange(field: "status", before: nil, after: TicketStatus.open.rawValue)], at: at))
        }
        self.tickets = tickets
        self.auditEvents = auditEvents
    }

    /// The batches `BulkLoading` writes: people first, then the tickets with their history.
    func batches(ticketsPerBatch: Int = 5_000) -> [SeedBatch] {
        var batches = [SeedBatch(organizations: [organization], departments: departments, users: agents + [customer], agentProfiles: profiles)]
        for start in stride(from: 0, to: tickets.count, by: ticketsPerBatch) {
            let end = min(tickets.count, start + ticketsPerBatch)
            batches.append(SeedBatch(tickets: Array(tickets[start..<end]), auditEvents: Array(auditEvents[start..<end])))
        }
        return batches
    }

    /// What the planner sees at the start: every ticket waiting, every agent with no load.
    var queue: [QueuedTicket] { tickets.map { QueuedTicket($0) } }
    var snapshots: [AgentSnapshot] { profiles.map { AgentSnapshot(profile: $0, activeTickets: 0) } }
}
