import Domain
import Testing

extension StorageContract {
    /// Nothing of one organization is visible or writable through another's id.
    static let isolationCases: [StorageContractCase] = [
        StorageContractCase("tenant isolation: every query with the other organization's id sees nothing of it") { storage, _ in
            let fixture = StorageFixture.canonical
            try await fixture.seed(into: storage)
            for (owner, asker) in [(fixture.first, fixture.second), (fixture.second, fixture.first)] {
                try await expectInvisible(owner, through: asker, in: storage)
            }
        },
        StorageContractCase("tenant isolation: writes naming another organization's records fail as missing and change nothing") { storage, _ in
            let fixture = StorageFixture.canonical
            try await fixture.seed(into: storage)
            let a = fixture.first, b = fixture.second
            let victim = a.tickets[1]
            // The same ticket id presented as globex's.
            let hijack = Ticket(
                id: victim.id, organizationID: b.organization.id, customerID: b.customer.id, contact: Contact(name: "Mallory"),
                subject: "hijacked", description: "d", createdAt: victim.createdAt, version: victim.version + 1
            )
            await expectStorageError(.missing, "commit(updateTicket(acme's ticket id, organization: globex))") {
                try await storage.commit(UnitOfWork([.updateTicket(hijack, expectedVersion: victim.version)]))
            }
            let user = User(id: a.agent.id, organizationID: b.organization.id, email: EmailAddress("mallory@globex.test")!, name: "Mallory",
                            role: .admin, passwordHash: "h", createdAt: a.agent.createdAt, version: a.agent.version + 1)
            await expectStorageError(.missing, "commit(updateUser(acme's user id, organization: globex))") {
                try await storage.commit(UnitOfWork([.updateUser(user, expectedVersion: a.agent.version)]))
            }
            let department = Department(id: a.billing.id, organizationID: b.organization.id, name: "Mallory's", createdAt: a.billing.createdAt,
                                        version: a.billing.version + 1)
            await expectStorageError(.missing, "commit(updateDepartment(acme's department id, organization: globex))") {
                try await storage.commit(UnitOfWork([.updateDepartment(department, expectedVersion: a.billing.version)]))
            }
            let profile = AgentProfile(userID: a.agent.id, organizationID: b.organization.id, tier: 3, createdAt: FixtureTime.at(minutes: 0), version: 2)
            await expectStorageError(.missing, "commit(updateAgentProfile(acme's agent, organization: globex))") {
                try await storage.commit(UnitOfWork([.updateAgentProfile(profile, expectedVersion: 1)]))
            }
            let message = Message(id: FixtureID.make(5_300, 0), organizationID: b.organization.id, ticketID: victim.id, authorID: b.agent.id,
                                  kind: .agent, body: "cross-tenant", isInternal: false, createdAt: FixtureTime.at(minutes: 1))
            await expectStorageError(.missing, "commit(insertMessage(organization: globex, on acme's ticket))") {
                try await storage.commit(UnitOfWork([.insertMessage(message)]))
            }
            let event = AuditEvent(id: FixtureID.make(5_301, 0), organizationID: b.organization.id, ticketID: victim.id, actorID: b.admin.id,
                                   kind: .updated, at: FixtureTime.at(minutes: 1))
            await expectStorageError(.missing, "commit(appendAuditEvent(organization: globex, of acme's ticket))") {
                try await storage.commit(UnitOfWork([.appendAuditEvent(event)]))
            }
            let org = a.organization.id
            #expect(try await storage.ticket(id: victim.id, in: org) == victim, "acme's ticket should be unchanged after a cross-tenant update")
            #expect(try await storage.ticket(id: victim.id, in: b.organization.id) == nil, "acme's ticket should not have become globex's")
            #expect(try await storage.user(id: a.agent.id, in: org) == a.agent, "acme's user should be unchanged after a cross-tenant update")
            #expect(try await storage.department(id: a.billing.id, in: org) == a.billing, "acme's department should be unchanged after a cross-tenant update")
            #expect(try await storage.agentProfile(userID: a.agent.id, in: org) == a.agentProfiles.first { $0.userID == a.agent.id }, "acme's agent profile should be unchanged")
            #expect(
                try await storage.messages(ticket: victim.id, in: org, includeInternal: true).allSatisfy { $0.organizationID == org },
                "messages of acme's ticket should not include a message written through globex"
            )
            #expect(
                try await storage.auditEvents(ticket: victim.id, in: org) == a.auditEvents.filter { $0.ticketID == victim.id },
                "audit events of acme's ticket should not include an event written through globex"
            )
        },
    ]

    /// Asks every query of `storage`, with `asker`'s organization id, about `owner`'s records.
    private static func expectInvisible(_ owner: StorageFixture.Tenant, through asker: StorageFixture.Tenant, in storage: any Storage) async throws {
        let org = asker.organization.id
        let label = "asked with \(asker.organization.slug)'s id about \(owner.organization.slug)"
        let ownerUsers = Set(owner.users.map(\.id))
        for user in owner.users {
            #expect(try await storage.user(id: user.id, in: org) == nil, "\(label): user(id: \(user.email)) should be nil")
            let byEmail = try await storage.user(email: user.email, in: org)
            #expect(byEmail.map { !ownerUsers.contains($0.id) && $0.organizationID == org } ?? true, "\(label): user(email: \(user.email)) should be nil or \(asker.organization.slug)'s own account")
            #expect(try await storage.agentProfile(userID: user.id, in: org) == nil, "\(label): agentProfile(userID: \(user.email)) should be nil")
        }
        #expect(try await storage.users(in: org, role: nil) == asker.users, "\(label): users(in:) should list only \(asker.organization.slug)'s users")
        #expect(try await storage.agentProfiles(in: org) == asker.agentProfiles, "\(label): agentProfiles(in:) should list only \(asker.organization.slug)'s profiles")
        #expect(try await storage.departments(in: org) == asker.departments, "\(label): departments(in:) should list only \(asker.organization.slug)'s departments")
        for department in owner.departments {
            #expect(try await storage.department(id: department.id, in: org) == nil, "\(label): department(id: \(department.name)) should be nil")
        }
        let counts = try await storage.activeTicketCounts(in: org)
        #expect(Set(counts.keys).isDisjoint(with: ownerUsers), "\(label): activeTicketCounts(in:) should count no user of \(owner.organization.slug)")
        #expect(counts == expectedActiveCounts(asker.tickets), "\(label): activeTicketCounts(in:) should count only \(asker.organization.slug)'s tickets")
        for ticket in owner.tickets {
            #expect(try await storage.ticket(id: ticket.id, in: org) == nil, "\(label): ticket(id: \(owner.organization.slug)#\(ticket.number.value)) should be nil")
            let byNumber = try await storage.ticket(number: ticket.number, in: org)
            #expect(byNumber.map { $0.organizationID == org && $0.id != ticket.id } ?? true, "\(label): ticket(number: \(ticket.number.value)) should be nil or \(asker.organization.slug)'s own ticket")
            #expect(try await storage.messages(ticket: ticket.id, in: org, includeInternal: true).isEmpty, "\(label): messages(ticket: #\(ticket.number.value)) should be empty")
            #expect(try await storage.auditEvents(ticket: ticket.id, in: org).isEmpty, "\(label): auditEvents(ticket: #\(ticket.number.value)) should be empty")
        }
        for record in owner.idempotencyRecords {
            #expect(
                try await storage.idempotencyRecord(organization: org, user: record.key.userID, key: record.key.key) == nil,
                "\(label): idempotencyRecord(key: \(record.key.key)) should be nil"
            )
        }
        // Lists, under every scope, built from the owner's users and departments but the asker's id.
        let scopes: [TicketScope] = [
            .organization(org),
            .customer(org, owner.customer.id),
            .staff(org, user: owner.agent.id, departments: Set(owner.departments.map(\.id)), wholeDepartments: false),
            .staff(org, user: owner.supervisor.id, departments: Set(owner.departments.map(\.id)), wholeDepartments: true),
        ]
        for scope in scopes {
            let all = try await walk(storage, TicketQuery(scope: scope, limit: 7), label: "\(label): tickets(\(scope))")
            #expect(all.allSatisfy { $0.organizationID == org }, "\(label): tickets(scope: \(scope)) should return only \(asker.organization.slug)'s tickets, got \(numbers(all))")
            expectTickets(all, reference(TicketQuery(scope: scope), over: asker.tickets), "\(label): tickets(scope: \(scope))")
        }
        let filtered = TicketQuery(scope: .organization(org), filter: TicketFilter(assignee: .user(owner.agent.id), customerID: owner.customer.id), limit: 200)
        #expect(try await storage.tickets(filtered).items.isEmpty, "\(label): tickets(filter: assignee and customer of \(owner.organization.slug)) should be empty")
    }

    /// Reference for `activeTicketCounts`: active tickets per assignee, only assignees that have any.
    static func expectedActiveCounts(_ tickets: [Ticket]) -> [UserID: Int] {
        var counts: [UserID: Int] = [:]
        for ticket in tickets where ticket.status.isActive {
            if let assignee = ticket.assigneeID { counts[assignee, default: 0] += 1 }
        }
        return counts
    }
}
