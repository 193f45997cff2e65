import Domain
import Foundation
import Testing

extension StorageContract {
    /// Auto-assignment (§5): the waiting queue, the persisted round-robin cursors and the atomic capacity guard.
    static let routingCases: [StorageContractCase] = [
        StorageContractCase("routing: routingQueue holds exactly the waiting tickets, in serving order, up to the limit") { storage, _ in
            let fixture = StorageFixture.canonical
            try await fixture.seed(into: storage)
            for tenant in fixture.tenants {
                // The reference: `QueueOrder` over the seed, which without due times is priority, then age, then id.
                let expected = QueueOrder.queue(tenant.tickets.map { QueuedTicket($0) })
                #expect(!expected.isEmpty, "the seed of \(tenant.organization.slug) should hold waiting tickets")
                let all = try await storage.routingQueue(in: tenant.organization.id, limit: 1_000)
                #expect(all == expected, "routingQueue(in: \(tenant.organization.slug), limit: 1000) should be the waiting tickets in QueueOrder")
                let two = try await storage.routingQueue(in: tenant.organization.id, limit: 2)
                #expect(two == Array(expected.prefix(2)), "routingQueue(in: \(tenant.organization.slug), limit: 2) should be the first two of the queue")
            }
        },
        StorageContractCase("routing: a ticket leaves routingQueue when assigned and returns when unassigned") { storage, _ in
            let fixture = StorageFixture.canonical
            try await fixture.seed(into: storage)
            let a = fixture.first
            let org = a.organization.id
            let waiting = try #require(try await storage.routingQueue(in: org, limit: 1).first, "routingQueue(limit: 1) on the seed")
            let stored = try #require(try await storage.ticket(id: waiting.id, in: org))
            let assigned = a.changed(stored) { $0.assigneeID = a.agent.id; $0.status = .assigned }
            _ = try await storage.commit(UnitOfWork([.updateTicket(assigned, expectedVersion: stored.version)]))
            #expect(!(try await storage.routingQueue(in: org, limit: 1_000).contains { $0.id == waiting.id }), "routingQueue after assigning \(waiting.id) should not hold it")
            let back = a.changed(assigned) { $0.assigneeID = nil; $0.status = .open }
            _ = try await storage.commit(UnitOfWork([.updateTicket(back, expectedVersion: assigned.version)]))
            #expect(try await storage.routingQueue(in: org, limit: 1_000).contains { $0.id == waiting.id }, "routingQueue after unassigning \(waiting.id) should hold it again")
        },
        StorageContractCase("routing: setRoutingCursor inserts at 0, replaces at the stored version, refuses stale versions, per organization and pool") { storage, _ in
            let fixture = StorageFixture.canonical
            try await fixture.seed(into: storage)
            let a = fixture.first, b = fixture.second
            #expect(try await storage.routingCursors(in: a.organization.id).isEmpty, "routingCursors on a fresh seed should be empty")
            let general = RoutingCursor(organizationID: a.organization.id, departmentID: a.generalSupport.id, agentID: a.agent.id, version: 1)
            let noDepartment = RoutingCursor(organizationID: a.organization.id, departmentID: nil, agentID: a.secondAgent.id, version: 1)
            _ = try await storage.commit(UnitOfWork([.setRoutingCursor(general, expectedVersion: 0), .setRoutingCursor(noDepartment, expectedVersion: 0)]))
            await expectStorageError(.versionConflict, "commit(setRoutingCursor(expectedVersion: 0)) when the pool already has a cursor") {
                try await storage.commit(UnitOfWork([.setRoutingCursor(general, expectedVersion: 0)]))
            }
            var advanced = general
            advanced.agentID = a.secondAgent.id
            advanced.version = 2
            _ = try await storage.commit(UnitOfWork([.setRoutingCursor(advanced, expectedVersion: 1)]))
            await expectStorageError(.versionConflict, "commit(setRoutingCursor(expectedVersion: 1)) after the cursor moved to version 2") {
                try await storage.commit(UnitOfWork([.setRoutingCursor(general, expectedVersion: 1)]))
            }
            let stored = try await storage.routingCursors(in: a.organization.id).sorted { ($0.departmentID?.description ?? "") < ($1.departmentID?.description ?? "") }
            #expect(stored == [noDepartment, advanced], "routingCursors(in: first) should hold the pool without department and the advanced general cursor")
            #expect(try await storage.routingCursors(in: b.organization.id).isEmpty, "routingCursors(in: second) should not see the first organization's cursors")
        },
        StorageContractCase("routing: guardAgentCapacity admits the last free slot, refuses one more and rolls the unit back") { storage, _ in
            let fixture = StorageFixture.canonical
            try await fixture.seed(into: storage)
            let a = fixture.first
            let org = a.organization.id
            let agent = a.agent.id
            let load = a.tickets.count { $0.assigneeID == agent && $0.status.isActive }
            // Room for exactly one more ticket.
            var profile = try #require(a.agentProfiles.first { $0.userID == agent })
            let readVersion = profile.version
            profile.maxConcurrentTickets = load + 1
            profile.version += 1
            let fresh = (0..<2).map { index in
                var ticket = a.newTicket(space: 9_100, index: index)
                ticket.status = .open
                ticket.assigneeID = nil
                return ticket
            }
            _ = try await storage.commit(UnitOfWork([.updateAgentProfile(profile, expectedVersion: readVersion)] + fresh.map { .insertTicket($0, idempotencyKey: nil) }))
            let inserted = try await fresh.asyncMap { try #require(try await storage.ticket(id: $0.id, in: org)) }
            func assignment(_ ticket: Ticket) -> UnitOfWork {
                UnitOfWork([
                    .updateTicket(a.changed(ticket) { $0.assigneeID = agent; $0.status = .assigned }, expectedVersion: ticket.version),
                    .guardAgentCapacity(agent, organizationID: org, requireAvailable: true),
                ])
            }
            _ = try await storage.commit(assignment(inserted[0]))
            await expectStorageError(.versionConflict, "commit(assign + guardAgentCapacity) for an agent at capacity (\(load + 1) of \(load + 1))") {
                try await storage.commit(assignment(inserted[1]))
            }
            #expect(try await storage.ticket(id: inserted[1].id, in: org) == inserted[1], "a unit refused by guardAgentCapacity should leave its ticket unchanged")
            #expect(try await storage.activeTicketCounts(in: org)[agent] == load + 1, "activeTicketCounts after one admitted and one refused assignment")
        },
        StorageContractCase("routing: guardAgentCapacity with requireAvailable refuses an agent who is not available") { storage, _ in
            let fixture = StorageFixture.canonical
            try await fixture.seed(into: storage)
            let a = fixture.first
            let org = a.organization.id
            // The second agent is `away` in the seed; give them room so that only availability decides.
            var profile = try #require(a.agentProfiles.first { $0.userID == a.secondAgent.id })
            let readVersion = profile.version
            profile.maxConcurrentTickets = 100
            profile.version += 1
            _ = try await storage.commit(UnitOfWork([.updateAgentProfile(profile, expectedVersion: readVersion)]))
            await expectStorageError(.versionConflict, "commit(guardAgentCapacity(requireAvailable: true)) for an away agent") {
                try await storage.commit(UnitOfWork([.guardAgentCapacity(a.secondAgent.id, organizationID: org, requireAvailable: true)]))
            }
            _ = try await storage.commit(UnitOfWork([.guardAgentCapacity(a.secondAgent.id, organizationID: org, requireAvailable: false)]))
            await expectStorageError(.missing, "commit(guardAgentCapacity) for a user without an agent profile (the customer)") {
                try await storage.commit(UnitOfWork([.guardAgentCapacity(a.customer.id, organizationID: org, requireAvailable: false)]))
            }
            await expectStorageError(.missing, "commit(guardAgentCapacity) for an agent of another organization") {
                try await storage.commit(UnitOfWork([.guardAgentCapacity(a.agent.id, organizationID: fixture.second.organization.id, requireAvailable: false)]))
            }
        },
    ]
}

extension Array {
    fileprivate func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var result: [T] = []
        for element in self { result.append(try await transform(element)) }
        return result
    }
}
