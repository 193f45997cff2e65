import Domain
import Foundation
import Testing

extension StorageContract {
    /// What a batched auto-assignment pass (§5, §15) relies on: the waiting tickets read whole once, and units that
    /// assign several tickets with one capacity guard per agent after all of them.
    static let routingBatchCases: [StorageContractCase] = [
        StorageContractCase("routing batches: waitingTickets holds routingQueue's tickets whole and at their stored version, in its order, up to the limit") { storage, _ in
            let fixture = StorageFixture.canonical
            try await fixture.seed(into: storage)
            for tenant in fixture.tenants {
                let org = tenant.organization.id
                let queue = try await storage.routingQueue(in: org, limit: 1_000)
                #expect(!queue.isEmpty, "the seed of \(tenant.organization.slug) should hold waiting tickets")
                let whole = try await storage.waitingTickets(in: org, limit: 1_000)
                #expect(whole.map(\.id) == queue.map(\.id), "waitingTickets(in: \(tenant.organization.slug), limit: 1000) should list routingQueue's tickets in its order")
                for ticket in whole {
                    let stored = try await storage.ticket(id: ticket.id, in: org)
                    #expect(stored == ticket, "waitingTickets(in: \(tenant.organization.slug)) should return ticket \(ticket.id) as ticket(id:) does")
                }
                let two = try await storage.waitingTickets(in: org, limit: 2)
                #expect(two.map(\.id) == Array(queue.prefix(2)).map(\.id), "waitingTickets(in: \(tenant.organization.slug), limit: 2) should be the first two of the queue")
            }
        },
        StorageContractCase("routing batches: one guardAgentCapacity after several assignments in a unit checks the load they leave together") { storage, _ in
            let fixture = StorageFixture.canonical
            try await fixture.seed(into: storage)
            let a = fixture.first
            let org = a.organization.id
            let agent = a.agent.id
            let load = a.tickets.count { $0.assigneeID == agent && $0.status.isActive }
            // Room for exactly two more tickets.
            var profile = try #require(a.agentProfiles.first { $0.userID == agent })
            let readVersion = profile.version
            profile.maxConcurrentTickets = load + 2
            profile.version += 1
            let fresh = (0..<5).map { index in
                var ticket = a.newTicket(space: 9_200, index: index)
                ticket.status = .open
                ticket.assigneeID = nil
                return ticket
            }
            _ = try await storage.commit(UnitOfWork([.updateAgentProfile(profile, expectedVersion: readVersion)] + fresh.map { .insertTicket($0, idempotencyKey: nil) }))
            var inserted: [Ticket] = []
            for ticket in fresh { inserted.append(try #require(try await storage.ticket(id: ticket.id, in: org))) }
            func assignment(_ tickets: ArraySlice<Ticket>) -> UnitOfWork {
                UnitOfWork(tickets.map {
                    .updateTicket(a.changed($0) { $0.assigneeID = agent; $0.status = .assigned }, expectedVersion: $0.version)
                } + [.guardAgentCapacity(agent, organizationID: org, requireAvailable: true)])
            }
            await expectStorageError(.versionConflict, "commit(3 assignments + one guardAgentCapacity) for an agent with room for 2") {
                try await storage.commit(assignment(inserted[0..<3]))
            }
            for ticket in inserted[0..<3] {
                #expect(try await storage.ticket(id: ticket.id, in: org) == ticket, "a batched unit refused by its guard should leave ticket \(ticket.id) unchanged")
            }
            _ = try await storage.commit(assignment(inserted[3..<5]))
            #expect(try await storage.activeTicketCounts(in: org)[agent] == load + 2, "activeTicketCounts after a refused unit of 3 and an admitted unit of 2")
        },
    ]
}
