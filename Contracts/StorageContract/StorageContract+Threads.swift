import Domain
import Testing

extension StorageContract {
    /// Threads and histories come back in their defined orders.
    static let threadCases: [StorageContractCase] = [
        StorageContractCase("messages: thread in creation order then id, internal notes only when asked") { storage, _ in
            let fixture = StorageFixture.canonical
            try await fixture.seed(into: storage)
            for tenant in fixture.tenants {
                let org = tenant.organization.id
                for ticket in tenant.tickets {
                    let thread = tenant.messages.filter { $0.ticketID == ticket.id }.sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
                    let label = "messages(ticket: \(tenant.organization.slug)#\(ticket.number.value)"
                    #expect(try await storage.messages(ticket: ticket.id, in: org, includeInternal: true) == thread, "\(label), includeInternal: true) should be the whole thread in (createdAt, id) order")
                    #expect(
                        try await storage.messages(ticket: ticket.id, in: org, includeInternal: false) == thread.filter { !$0.isInternal },
                        "\(label), includeInternal: false) should be the thread without internal notes"
                    )
                }
            }
            let full = fixture.first.fullTicket
            let insertionOrder = fixture.first.messages.filter { $0.ticketID == full.id }
            #expect(insertionOrder.contains { $0.isInternal } && insertionOrder.contains { !$0.isInternal }, "fixture: the full ticket's thread should mix notes and replies")
            #expect(insertionOrder != insertionOrder.sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }, "fixture: insertion order should differ from thread order")
        },
        StorageContractCase("audit events: returned in commit order") { storage, _ in
            let fixture = StorageFixture.canonical
            try await fixture.seed(into: storage)
            let a = fixture.first
            let org = a.organization.id
            for tenant in fixture.tenants {
                for ticket in tenant.tickets {
                    #expect(
                        try await storage.auditEvents(ticket: ticket.id, in: tenant.organization.id) == tenant.auditEvents.filter { $0.ticketID == ticket.id },
                        "auditEvents(ticket: \(tenant.organization.slug)#\(ticket.number.value)) should be in commit order"
                    )
                }
            }
            // Later commits append, even with smaller ids and earlier instants than what is stored.
            let full = a.fullTicket
            let early = AuditEvent(id: FixtureID.make(a.space + 5, 0), organizationID: org, ticketID: full.id, actorID: nil, kind: .reopened,
                                   note: "smallest id, earliest time", at: FixtureTime.at(minutes: -20_000))
            let late = a.newAuditEvent(for: full, space: 5_600, index: 0, kind: .rated)
            _ = try await storage.commit(UnitOfWork([.appendAuditEvent(late), .appendAuditEvent(early)]))
            let history = a.auditEvents.filter { $0.ticketID == full.id } + [late, early]
            #expect(try await storage.auditEvents(ticket: full.id, in: org) == history, "auditEvents(ticket:) after another commit should append its events in unit order")
        },
        StorageContractCase("activeTicketCounts: active assigned tickets per agent, following updates") { storage, _ in
            let fixture = StorageFixture.canonical
            try await fixture.seed(into: storage)
            let a = fixture.first
            let org = a.organization.id
            for tenant in fixture.tenants {
                let expected = expectedActiveCounts(tenant.tickets)
                #expect(!expected.isEmpty, "fixture: \(tenant.organization.slug) should have assigned active tickets")
                #expect(try await storage.activeTicketCounts(in: tenant.organization.id) == expected, "activeTicketCounts(in: \(tenant.organization.slug)) should count active tickets per assignee")
            }
            // Resolve one of agent1's active tickets, close another's, assign a new one to agent2.
            let active = a.tickets.filter { $0.status.isActive && $0.assigneeID == a.agent.id }
            let target = try #require(active.first, "fixture: agent1 should have an active ticket")
            let resolved = a.changed(target) { $0.status = .resolved }
            var fresh = a.newTicket(space: 5_610, index: 0)
            fresh.status = .assigned
            fresh.assigneeID = a.customer.id // counts follow the assignee whoever it is
            _ = try await storage.commit(UnitOfWork([.updateTicket(resolved, expectedVersion: target.version), .insertTicket(fresh, idempotencyKey: nil)]))
            var expected = expectedActiveCounts(a.tickets)
            expected[a.agent.id] = (expected[a.agent.id] ?? 0) - 1
            if expected[a.agent.id] == 0 { expected[a.agent.id] = nil }
            expected[a.customer.id, default: 0] += 1
            #expect(try await storage.activeTicketCounts(in: org) == expected, "activeTicketCounts(in: acme) after resolving one and assigning one should be \(expected.mapValues { $0 })")
        },
    ]
}
