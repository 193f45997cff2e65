import Domain
import Foundation
import Testing

/// The bulk generator behind `switchboard seed --tickets`: deterministic, consistently numbered, and
/// tickets whose state, thread and history agree with each other.
@Suite struct BulkSeedTests {
    static let plan = BulkSeed.Plan(
        tickets: 1_000, agents: 7, customers: 30, batchSize: 300, seed: 9, end: Date(millisecondsSince1970: 1_767_225_600_000),
        passwordHash: "hash")

    @Test func sameSeedSameData() {
        let a = BulkSeed(Self.plan), b = BulkSeed(Self.plan)
        #expect(a.people() == b.people(), "people() of one plan should be identical across generators")
        for index in 0..<a.ticketBatchCount {
            #expect(a.tickets(batch: index) == b.tickets(batch: index), "tickets(batch: \(index)) should be identical across generators")
        }
        var other = Self.plan
        other.seed = 10
        #expect(BulkSeed(other).tickets(batch: 0).tickets.map(\.id) != a.tickets(batch: 0).tickets.map(\.id), "another seed should give other ids")
    }

    @Test func numbersRunFromOneToNAcrossBatches() {
        let seed = BulkSeed(Self.plan)
        #expect(seed.ticketBatchCount == 4, "1,000 tickets in batches of 300 should make 4 batches")
        let numbers = (0..<seed.ticketBatchCount).flatMap { seed.tickets(batch: $0).tickets.map(\.number.value) }
        #expect(numbers == Array(1...1_000), "ticket numbers should run 1…1000 in batch order")
        let ids = (0..<seed.ticketBatchCount).flatMap { seed.tickets(batch: $0).tickets.map(\.id) }
        #expect(Set(ids).count == ids.count, "ticket ids should be unique")
    }

    @Test func peopleFormOneOrganization() {
        let seed = BulkSeed(Self.plan)
        let people = seed.people()
        #expect(people.organizations == [seed.organization], "people() should create the plan's organization")
        #expect(people.users.filter { $0.role == .agent }.count == 7 && people.agentProfiles.count == 7, "people() should make 7 agents with profiles")
        #expect(people.users.filter { $0.role == .customer }.count == 30, "people() should make 30 customers")
        #expect(Set(people.users.map(\.email)).count == people.users.count, "user emails should be unique")
        #expect(people.users.allSatisfy { $0.organizationID == seed.organization.id && $0.passwordHash == "hash" }, "users should belong to the organization with the plan's hash")
    }

    @Test func ticketsAgreeWithTheirHistory() throws {
        let seed = BulkSeed(Self.plan)
        let batches = (0..<seed.ticketBatchCount).map { seed.tickets(batch: $0) }
        let tickets = batches.flatMap(\.tickets), messages = batches.flatMap(\.messages), events = batches.flatMap(\.auditEvents)
        #expect(Set(tickets.map(\.status)) == Set(TicketStatus.allCases), "1,000 tickets should cover every status, got \(Set(tickets.map(\.status)))")
        #expect(Set(tickets.map(\.priority)) == Set(Priority.allCases), "1,000 tickets should cover every priority")
        let eventsByTicket = Dictionary(grouping: events, by: \.ticketID), messagesByTicket = Dictionary(grouping: messages, by: \.ticketID)
        let people = Set(seed.agentIDs + seed.customerIDs)
        for ticket in tickets {
            let history = try #require(eventsByTicket[ticket.id], "ticket #\(ticket.number.value) should have audit events")
            #expect(history.first?.kind == .created, "ticket #\(ticket.number.value)'s history should start with created")
            // The SLA worker's reports are history too, but they do not change the ticket.
            let changes = history.filter { $0.kind != .slaWarning && $0.kind != .slaBreached }
            #expect(ticket.version == changes.count, "ticket #\(ticket.number.value): version \(ticket.version) should count its \(changes.count) change events")
            #expect(history.map(\.at) == history.map(\.at).sorted(), "ticket #\(ticket.number.value)'s history should be in time order")
            #expect(ticket.updatedAt == changes.last?.at, "ticket #\(ticket.number.value) should be updated at its last change event")
            let thread = messagesByTicket[ticket.id] ?? []
            #expect(thread.count == history.filter { $0.kind == .messageAdded || $0.kind == .internalNoteAdded }.count, "ticket #\(ticket.number.value): one message event per message")
            #expect(thread.allSatisfy { $0.createdAt >= ticket.createdAt && people.contains($0.authorID!) }, "ticket #\(ticket.number.value)'s messages should follow its creation and come from its people")
            #expect((ticket.status == .open) == (ticket.assigneeID == nil), "ticket #\(ticket.number.value) (\(ticket.status)) should have an assignee exactly when it left the queue")
            #expect((ticket.resolution != nil) == [.resolved, .closed, .reopened].contains(ticket.status), "ticket #\(ticket.number.value) (\(ticket.status)) should carry a resolution exactly when it was resolved")
            #expect((ticket.closedAt != nil) == (ticket.status == .closed), "ticket #\(ticket.number.value) (\(ticket.status)) should have closedAt exactly when closed")
            #expect(ticket.createdAt == ticket.createdAt.truncatedToMilliseconds && ticket.updatedAt == ticket.updatedAt.truncatedToMilliseconds, "times should be whole milliseconds, as storage keeps them")
        }
    }

    /// Every ticket carries the SLA record its changes would have left (default targets, no policy), with
    /// the crossings reached by the plan's end reported as the worker would have: once each, with an audit event.
    @Test func slaRecordsAreInTheWorkersSteadyState() throws {
        let seed = BulkSeed(Self.plan)
        let batches = (0..<seed.ticketBatchCount).map { seed.tickets(batch: $0) }
        let tickets = batches.flatMap(\.tickets), events = batches.flatMap(\.auditEvents)
        let records = Dictionary(batches.flatMap(\.ticketSLAs).map { ($0.ticketID, $0) }, uniquingKeysWith: { first, _ in first })
        #expect(batches.flatMap(\.ticketSLAs).count == tickets.count, "every ticket should have exactly one SLA record")
        let eventsByTicket = Dictionary(grouping: events, by: \.ticketID)
        var reportedCount = 0
        for ticket in tickets {
            let record = try #require(records[ticket.id], "ticket #\(ticket.number.value) should have an SLA record")
            #expect(record.organizationID == ticket.organizationID && record.policyID == nil && record.ticketCreatedAt == ticket.createdAt,
                    "ticket #\(ticket.number.value)'s record should be under the default clock, from its creation")
            #expect(record.assigneeID == ticket.assigneeID && record.departmentID == ticket.departmentID && record.timeline.firstResponseAt == ticket.firstResponseAt,
                    "ticket #\(ticket.number.value)'s record should follow its assignee, department and first response")
            let reports = (eventsByTicket[ticket.id] ?? []).filter { $0.kind == .slaWarning || $0.kind == .slaBreached }
            #expect(reports.count == record.reported.count, "ticket #\(ticket.number.value): one audit event per reported crossing (\(record.reported.count)), got \(reports.count)")
            #expect(record.version == ticket.version + Set(reports.map(\.at)).count,
                    "ticket #\(ticket.number.value)'s record version should count its saves: one per change and one per sweep that reported")
            // Steady state: by the plan's end (or the ticket's last change, if later) nothing reached is left unreported.
            let horizon = max(seed.plan.end, ticket.updatedAt)
            if let next = record.nextCheckAt { #expect(next > seed.plan.end || next >= ticket.updatedAt, "ticket #\(ticket.number.value)'s next check \(next) should not be before \(horizon) unreported") }
            let status = SLAClock.default.evaluate(record.timeline, at: seed.plan.end)
            if let breached = status.resolution.breachedAt, breached <= seed.plan.end, ticket.updatedAt <= seed.plan.end {
                #expect(record.hasReported(.resolution, .breached), "ticket #\(ticket.number.value)'s resolution breach at \(breached) should be reported by the plan's end")
            }
            reportedCount += record.reported.count
        }
        #expect(reportedCount > 0, "1,000 tickets over the default targets should have some warnings and breaches reported")
    }
}
