import Domain
import Testing

extension StorageContract {
    /// Every `UniqueConstraint` is enforced and reported by name.
    static let uniquenessCases: [StorageContractCase] = [
        StorageContractCase("duplicate: organization slug") { storage, _ in
            let fixture = StorageFixture.canonical
            try await fixture.seed(into: storage)
            let copy = Organization(id: FixtureID.make(5_100, 0), slug: "acme", name: "Another Acme", createdAt: FixtureTime.at(minutes: 0))
            await expectStorageError(.duplicate(.organizationSlug), "commit(insertOrganization(slug: acme)) when acme exists") {
                try await storage.commit(UnitOfWork([.insertOrganization(copy)]))
            }
            #expect(try await storage.organization(id: copy.id) == nil, "organization(id:) of the refused duplicate should be nil")
            #expect(try await storage.organization(slug: "acme") == fixture.first.organization, "organization(slug: acme) should still be the first one")
        },
        StorageContractCase("duplicate: user email within an organization, allowed across organizations") { storage, _ in
            let fixture = StorageFixture.canonical
            try await fixture.seed(into: storage)
            let a = fixture.first, b = fixture.second
            let twin = User(id: FixtureID.make(5_110, 0), organizationID: a.organization.id, email: a.agent.email, name: "Twin", role: .customer,
                            passwordHash: "h", createdAt: FixtureTime.at(minutes: 0))
            await expectStorageError(.duplicate(.userEmail), "commit(insertUser(email: \(a.agent.email))) in the organization that has it") {
                try await storage.commit(UnitOfWork([.insertUser(twin)]))
            }
            let upper = User(id: FixtureID.make(5_110, 1), organizationID: a.organization.id, email: EmailAddress("AGENT1@ACME.TEST")!, name: "Upper",
                             role: .customer, passwordHash: "h", createdAt: FixtureTime.at(minutes: 0))
            await expectStorageError(.duplicate(.userEmail), "commit(insertUser(email: AGENT1@ACME.TEST)) where agent1@acme.test exists") {
                try await storage.commit(UnitOfWork([.insertUser(upper)]))
            }
            var renamed = a.secondAgent
            renamed.email = a.agent.email
            renamed.version += 1
            await expectStorageError(.duplicate(.userEmail), "commit(updateUser(email: another user's email))") {
                try await storage.commit(UnitOfWork([.updateUser(renamed, expectedVersion: a.secondAgent.version)]))
            }
            #expect(try await storage.user(email: a.agent.email, in: a.organization.id) == a.agent, "user(email: \(a.agent.email)) should still be the original user")
            // The same address in another organization is a different account.
            let elsewhere = User(id: FixtureID.make(5_110, 2), organizationID: b.organization.id, email: a.agent.email, name: "Elsewhere",
                                 role: .customer, passwordHash: "h", createdAt: FixtureTime.at(minutes: 0))
            _ = try await storage.commit(UnitOfWork([.insertUser(elsewhere)]))
            #expect(try await storage.user(email: a.agent.email, in: b.organization.id) == elsewhere, "insertUser(email of an acme user) in globex should succeed")
            #expect(
                Set(try await storage.users(email: a.agent.email).map(\.id)) == [a.agent.id, elsewhere.id],
                "users(email: \(a.agent.email)) should list the account of each organization"
            )
            #expect(
                Set(try await storage.users(email: a.customer.email).map(\.id)) == [a.customer.id, b.customer.id],
                "users(email: \(a.customer.email)) should list the seed's customer of both organizations"
            )
            // Keeping one's own email in an update is not a duplicate.
            var same = a.agent
            same.name = "Same Email"
            same.version += 1
            _ = try await storage.commit(UnitOfWork([.updateUser(same, expectedVersion: a.agent.version)]))
            #expect(try await storage.user(id: same.id, in: a.organization.id) == same, "updateUser keeping its own email should succeed")
        },
        StorageContractCase("duplicate: department name within an organization, allowed across organizations") { storage, _ in
            let fixture = StorageFixture.canonical
            try await fixture.seed(into: storage)
            let a = fixture.first, b = fixture.second
            let copy = Department(id: FixtureID.make(5_120, 0), organizationID: a.organization.id, name: "Billing", createdAt: FixtureTime.at(minutes: 0))
            await expectStorageError(.duplicate(.departmentName), "commit(insertDepartment(name: Billing)) in the organization that has it") {
                try await storage.commit(UnitOfWork([.insertDepartment(copy)]))
            }
            var renamed = a.generalSupport
            renamed.name = "Billing"
            renamed.version += 1
            await expectStorageError(.duplicate(.departmentName), "commit(updateDepartment(name: another department's name))") {
                try await storage.commit(UnitOfWork([.updateDepartment(renamed, expectedVersion: a.generalSupport.version)]))
            }
            #expect(try await storage.departments(in: a.organization.id) == a.departments, "departments(in: acme) should be unchanged after refused duplicates")
            #expect(b.departments.map(\.name) == a.departments.map(\.name), "fixture: both organizations have departments of the same names")
            let third = Department(id: FixtureID.make(5_120, 1), organizationID: b.organization.id, name: "Escalations", createdAt: FixtureTime.at(minutes: 0))
            _ = try await storage.commit(UnitOfWork([.insertDepartment(third)]))
            let acmeTwin = Department(id: FixtureID.make(5_120, 2), organizationID: a.organization.id, name: "Escalations", createdAt: FixtureTime.at(minutes: 0))
            _ = try await storage.commit(UnitOfWork([.insertDepartment(acmeTwin)]))
            #expect(try await storage.department(id: acmeTwin.id, in: a.organization.id) == acmeTwin, "insertDepartment(name used only in globex) in acme should succeed")
        },
        StorageContractCase("duplicate: one agent profile per user") { storage, _ in
            let fixture = StorageFixture.canonical
            try await fixture.seed(into: storage)
            let a = fixture.first
            let second = AgentProfile(userID: a.agent.id, organizationID: a.organization.id, tier: 3, createdAt: FixtureTime.at(minutes: 0))
            await expectStorageError(.duplicate(.agentProfile), "commit(insertAgentProfile(userID: agent1)) when agent1 has a profile") {
                try await storage.commit(UnitOfWork([.insertAgentProfile(second)]))
            }
            #expect(try await storage.agentProfiles(in: a.organization.id) == a.agentProfiles, "agentProfiles(in:) should be unchanged after a refused duplicate")
        },
        StorageContractCase("duplicate: primary key of every entity") { storage, _ in
            let fixture = StorageFixture.canonical
            try await fixture.seed(into: storage)
            let a = fixture.first
            let org = a.organization.id
            let organization = Organization(id: org, slug: "fresh-slug", name: "Same id", createdAt: FixtureTime.at(minutes: 0))
            await expectStorageError(.duplicate(.primaryKey), "commit(insertOrganization(existing id, new slug))") {
                try await storage.commit(UnitOfWork([.insertOrganization(organization)]))
            }
            let user = User(id: a.agent.id, organizationID: org, email: EmailAddress("fresh@acme.test")!, name: "Same id", role: .agent,
                            passwordHash: "h", createdAt: FixtureTime.at(minutes: 0))
            await expectStorageError(.duplicate(.primaryKey), "commit(insertUser(existing id, new email))") {
                try await storage.commit(UnitOfWork([.insertUser(user)]))
            }
            let department = Department(id: a.billing.id, organizationID: org, name: "Fresh name", createdAt: FixtureTime.at(minutes: 0))
            await expectStorageError(.duplicate(.primaryKey), "commit(insertDepartment(existing id, new name))") {
                try await storage.commit(UnitOfWork([.insertDepartment(department)]))
            }
            var ticket = a.newTicket(space: 5_130, index: 0)
            ticket = Ticket(id: a.tickets[0].id, organizationID: org, customerID: ticket.customerID, contact: ticket.contact, subject: "Same id",
                            description: "d", createdAt: ticket.createdAt)
            await expectStorageError(.duplicate(.primaryKey), "commit(insertTicket(existing id))") {
                try await storage.commit(UnitOfWork([.insertTicket(ticket, idempotencyKey: nil)]))
            }
            let message = a.messages[0]
            await expectStorageError(.duplicate(.primaryKey), "commit(insertMessage(existing id))") {
                try await storage.commit(UnitOfWork([.insertMessage(message)]))
            }
            let event = a.auditEvents[0]
            await expectStorageError(.duplicate(.primaryKey), "commit(appendAuditEvent(existing id))") {
                try await storage.commit(UnitOfWork([.appendAuditEvent(event)]))
            }
            let fresh = a.newTicket(space: 5_131, index: 0)
            let receipt = try await storage.commit(UnitOfWork([.insertTicket(fresh, idempotencyKey: nil)]))
            #expect(receipt.ticketNumbers[fresh.id] == TicketNumber(a.tickets.count + 1), "a refused duplicate ticket should not consume a ticket number")
            #expect(try await storage.organization(slug: "fresh-slug") == nil, "organization(slug:) of the refused duplicate should be nil")
            #expect(try await storage.user(email: user.email, in: org) == nil, "user(email:) of the refused duplicate should be nil")
            #expect(try await storage.ticket(id: a.tickets[0].id, in: org) == a.tickets[0], "ticket(id:) should still be the original after a refused duplicate")
            #expect(
                try await storage.auditEvents(ticket: event.ticketID, in: org) == a.auditEvents.filter { $0.ticketID == event.ticketID },
                "auditEvents(ticket:) should not repeat a refused duplicate event"
            )
        },
    ]
}
