import Domain
import Testing

extension StorageContract {
    /// Reads of things that do not exist answer nil or empty, and do not throw.
    static let readCases: [StorageContractCase] = [
        StorageContractCase("missing reads return nil or empty on an empty store") { storage, _ in
            try await expectNothing(in: storage, label: "empty store")
        },
        StorageContractCase("missing reads return nil or empty on a seeded store") { storage, _ in
            try await StorageFixture.canonical.seed(into: storage)
            try await expectNothing(in: storage, label: "seeded store")
        },
    ]

    /// Asks every query about ids, numbers, slugs and emails the fixture never uses.
    private static func expectNothing(in storage: any Storage, label: String) async throws {
        let org: OrganizationID = FixtureID.make(9_000, 1)
        let known = StorageFixture.canonical.first
        let user: UserID = FixtureID.make(9_000, 2)
        let ticket: TicketID = FixtureID.make(9_000, 3)
        let department: DepartmentID = FixtureID.make(9_000, 4)
        let email = EmailAddress("nobody@nowhere.test")!
        for (name, organization) in [("unknown organization", org), ("acme", known.organization.id)] {
            #expect(try await storage.user(id: user, in: organization) == nil, "\(label): user(id: unknown, in: \(name)) should be nil")
            #expect(try await storage.user(email: email, in: organization) == nil, "\(label): user(email: unknown, in: \(name)) should be nil")
            #expect(try await storage.agentProfile(userID: user, in: organization) == nil, "\(label): agentProfile(userID: unknown, in: \(name)) should be nil")
            #expect(try await storage.department(id: department, in: organization) == nil, "\(label): department(id: unknown, in: \(name)) should be nil")
            #expect(try await storage.ticket(id: ticket, in: organization) == nil, "\(label): ticket(id: unknown, in: \(name)) should be nil")
            #expect(try await storage.ticket(number: TicketNumber(9_999), in: organization) == nil, "\(label): ticket(number: 9999, in: \(name)) should be nil")
            #expect(try await storage.messages(ticket: ticket, in: organization, includeInternal: true).isEmpty, "\(label): messages(ticket: unknown, in: \(name)) should be empty")
            #expect(try await storage.auditEvents(ticket: ticket, in: organization).isEmpty, "\(label): auditEvents(ticket: unknown, in: \(name)) should be empty")
            #expect(
                try await storage.idempotencyRecord(organization: organization, user: user, key: "never-used") == nil,
                "\(label): idempotencyRecord(organization: \(name), key: never-used) should be nil"
            )
        }
        #expect(try await storage.organization(id: org) == nil, "\(label): organization(id: unknown) should be nil")
        #expect(try await storage.organization(slug: "no-such-slug") == nil, "\(label): organization(slug: no-such-slug) should be nil")
        #expect(try await storage.users(email: email).isEmpty, "\(label): users(email: unknown) should be empty")
        #expect(try await storage.users(in: org, role: nil).isEmpty, "\(label): users(in: unknown organization) should be empty")
        #expect(try await storage.agentProfiles(in: org).isEmpty, "\(label): agentProfiles(in: unknown organization) should be empty")
        #expect(try await storage.activeTicketCounts(in: org).isEmpty, "\(label): activeTicketCounts(in: unknown organization) should be empty")
        #expect(try await storage.departments(in: org).isEmpty, "\(label): departments(in: unknown organization) should be empty")
        let page = try await storage.tickets(TicketQuery(scope: .organization(org)))
        #expect(page.items.isEmpty && page.nextCursor == nil, "\(label): tickets(scope: unknown organization) should be an empty last page")
    }
}
