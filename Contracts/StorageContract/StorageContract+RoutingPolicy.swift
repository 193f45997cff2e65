import Domain
import Foundation
import Testing

extension StorageContract {
    /// The per-department offline policy, the agents' availability history, and the batched SLA read of a list page.
    static let routingPolicyCases: [StorageContractCase] = [
        StorageContractCase("routing policy: a department's offlinePolicy round-trips through insert and update") { storage, _ in
            let fixture = StorageFixture.canonical
            try await fixture.seed(into: storage)
            let a = fixture.first
            let org = a.organization.id
            #expect(try await storage.department(id: a.billing.id, in: org)?.offlinePolicy == .returnToQueue, "department(billing).offlinePolicy as seeded")
            #expect(try await storage.department(id: a.generalSupport.id, in: org)?.offlinePolicy == .keepAssigned, "department(general).offlinePolicy as seeded")
            var changed = a.generalSupport
            changed.offlinePolicy = .returnToQueue
            changed.version += 1
            _ = try await storage.commit(UnitOfWork([.updateDepartment(changed, expectedVersion: a.generalSupport.version)]))
            #expect(try await storage.department(id: changed.id, in: org) == changed, "department(general) after updateDepartment(offlinePolicy: returnToQueue)")
            changed.offlinePolicy = .keepAssigned
            changed.version += 1
            _ = try await storage.commit(UnitOfWork([.updateDepartment(changed, expectedVersion: changed.version - 1)]))
            #expect(try await storage.departments(in: org).first { $0.id == changed.id }?.offlinePolicy == .keepAssigned,
                    "departments(in:) after updateDepartment(offlinePolicy: keepAssigned)")
        },
        StorageContractCase("routing policy: availability changes append per agent and read newest first, up to the limit, per organization") { storage, _ in
            let fixture = StorageFixture.canonical
            try await fixture.seed(into: storage)
            let a = fixture.first, b = fixture.second
            let org = a.organization.id
            #expect(try await storage.availabilityChanges(agent: a.agent.id, in: org, limit: 10).isEmpty, "availabilityChanges of an agent with none should be empty")
            let ticket = a.fullTicket
            func change(_ index: Int, minutes: Int, _ before: Availability, _ after: Availability, returned: [TicketID] = [], agent: UserID? = nil, actor: UserID?) -> AvailabilityChange {
                AvailabilityChange(
                    id: FixtureID.make(7_500, index), organizationID: org, agentID: agent ?? a.agent.id, actorID: actor,
                    before: before, after: after, returnedTicketIDs: returned, at: FixtureTime.at(minutes: minutes, milliseconds: 3))
            }
            let first = change(0, minutes: 10, .offline, .available, actor: a.agent.id)
            // Two changes at one instant: the later id is the newer.
            let second = change(1, minutes: 20, .available, .away, returned: [ticket.id, a.tickets[0].id], actor: a.agent.id)
            let third = change(2, minutes: 20, .away, .offline, actor: nil)
            let other = change(3, minutes: 15, .offline, .busy, agent: a.secondAgent.id, actor: a.admin.id)
            _ = try await storage.commit(UnitOfWork([.appendAvailabilityChange(first), .appendAvailabilityChange(other)]))
            _ = try await storage.commit(UnitOfWork([.appendAvailabilityChange(second), .appendAvailabilityChange(third)]))
            #expect(try await storage.availabilityChanges(agent: a.agent.id, in: org, limit: 10) == [third, second, first],
                    "availabilityChanges(agent) should be the agent's records newest first (at, then id), as written")
            #expect(try await storage.availabilityChanges(agent: a.agent.id, in: org, limit: 2) == [third, second], "availabilityChanges(limit: 2)")
            #expect(try await storage.availabilityChanges(agent: a.secondAgent.id, in: org, limit: 10) == [other], "availabilityChanges(secondAgent)")
            #expect(try await storage.availabilityChanges(agent: a.agent.id, in: b.organization.id, limit: 10).isEmpty,
                    "availabilityChanges asked in the other organization should be empty")

            await expectStorageError(.duplicate(.primaryKey), "commit(appendAvailabilityChange(reused id))") {
                try await storage.commit(UnitOfWork([.appendAvailabilityChange(change(0, minutes: 30, .offline, .busy, actor: nil))]))
            }
            await expectStorageError(.missing, "commit(appendAvailabilityChange(for a customer, who has no agent profile))") {
                try await storage.commit(UnitOfWork([.appendAvailabilityChange(change(4, minutes: 30, .offline, .busy, agent: a.customer.id, actor: nil))]))
            }
            let foreign = AvailabilityChange(
                id: FixtureID.make(7_500, 5), organizationID: b.organization.id, agentID: a.agent.id, actorID: nil,
                before: .offline, after: .busy, at: FixtureTime.at(minutes: 30, milliseconds: 0))
            await expectStorageError(.missing, "commit(appendAvailabilityChange(first's agent, organization: second))") {
                try await storage.commit(UnitOfWork([.appendAvailabilityChange(foreign)]))
            }
            // A failing unit leaves nothing behind.
            await expectStorageError(.missing, "commit(appendAvailabilityChange(valid), appendAvailabilityChange(no profile))") {
                try await storage.commit(UnitOfWork([
                    .appendAvailabilityChange(change(6, minutes: 40, .offline, .busy, actor: nil)),
                    .appendAvailabilityChange(change(7, minutes: 40, .offline, .busy, agent: a.customer.id, actor: nil)),
                ]))
            }
            #expect(try await storage.availabilityChanges(agent: a.agent.id, in: org, limit: 10).count == 3, "a failed unit appends nothing")
        },
        StorageContractCase("sla: ticketSLAs(tickets:in:) returns the listed tickets' records of one organization, by ticket id") { storage, _ in
            let fixture = StorageFixture.canonical
            try await fixture.seed(into: storage)
            let a = fixture.first, b = fixture.second
            let withRecord = Array(a.tickets.prefix(3))
            let records = withRecord.map { slaRecord(for: $0, next: slaTime(30), version: 1) }
            let otherRecord = slaRecord(for: b.tickets[0], next: slaTime(30), version: 1)
            _ = try await storage.commit(UnitOfWork((records + [otherRecord]).map { .saveTicketSLA($0, expectedVersion: nil) }))
            #expect(try await storage.ticketSLAs(tickets: [], in: a.organization.id).isEmpty, "ticketSLAs(tickets: []) should be empty")
            // Asked in reverse, with a duplicate, a ticket without a record and another organization's ticket.
            let asked = withRecord.reversed().map(\.id) + [withRecord[0].id, a.fullTicket.id, b.tickets[0].id]
            let read = try await storage.ticketSLAs(tickets: asked, in: a.organization.id)
            #expect(read == records.sorted { $0.ticketID < $1.ticketID },
                    "ticketSLAs(tickets:in: first) should be the first organization's three records, each once, by ticket id")
            #expect(try await storage.ticketSLAs(tickets: asked, in: b.organization.id) == [otherRecord], "ticketSLAs(tickets:in: second)")
        },
    ]
}
