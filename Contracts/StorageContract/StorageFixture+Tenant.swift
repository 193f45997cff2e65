import Domain
import Foundation

extension StorageFixture {
    /// Everything of one organization, as it reads back after `seed(into:)`.
    public struct Tenant: Sendable {
        public let organization: Organization
        public let admin: User
        public let supervisor: User
        public let agent: User
        public let secondAgent: User
        public let customer: User
        public let secondCustomer: User
        /// Every user, ordered by id.
        public let users: [User]
        public let generalSupport: Department
        public let billing: Department
        /// Ordered by name.
        public let departments: [Department]
        /// Supervisor and agents, ordered by user id.
        public let agentProfiles: [AgentProfile]
        /// In insertion order, with the numbers storage allocates (1, 2, 3 …). The last one has every field set.
        public let tickets: [Ticket]
        /// In insertion order (which is not thread order).
        public let messages: [Message]
        /// In commit order (which is neither id nor time order for the fully set ticket).
        public let auditEvents: [AuditEvent]
        /// Keys stored with some of the tickets.
        public let idempotencyRecords: [IdempotencyRecord]
        /// Id space reserved for this tenant's records.
        let space: UInt64

        /// The ticket with every optional field set.
        public var fullTicket: Ticket { tickets[tickets.count - 1] }

        init(space: UInt64, slug: String, name: String, ticketCount: Int, prefix: String) {
            self.space = space
            let created = FixtureTime.at(minutes: -10_000, milliseconds: 7)
            let organizationID: OrganizationID = FixtureID.make(space, 0)
            organization = Organization(
                id: organizationID, slug: slug, name: name,
                settings: OrganizationSettings(
                    ticketPrefix: prefix, categories: ["account", "booking", "payment", "technical", "general"],
                    reopenWindowSeconds: 7 * 24 * 3600, defaultCategory: "general"
                ),
                createdAt: created
            )

            func user(_ index: Int, _ email: String, _ name: String, _ role: Role, phone: String? = nil, active: Bool = true) -> User {
                User(
                    id: FixtureID.make(space + 1, index), organizationID: organizationID, email: EmailAddress(email)!,
                    name: name, phone: phone, role: role, passwordHash: "$2b$10$fixture.\(slug).\(index)", isActive: active,
                    createdAt: FixtureTime.at(minutes: -9_000 + index, milliseconds: 111),
                    updatedAt: FixtureTime.at(minutes: -8_000 + index, milliseconds: 222), version: 1 + index % 3
                )
            }
            admin = user(0, "admin@\(slug).test", "Ada Admin", .admin)
            supervisor = user(1, "supervisor@\(slug).test", "Sam Supervisor", .supervisor, phone: "+44 20 7946 0001")
            agent = user(2, "agent1@\(slug).test", "Aino Agent", .agent)
            secondAgent = user(3, "agent2@\(slug).test", "Bo Agent", .agent, phone: "+44 20 7946 0003")
            // The same address in both organizations: allowed, and found by `users(email:)` in both.
            customer = user(4, "alex@example.com", "Alex Customer", .customer, phone: "+1 555 0100")
            secondCustomer = user(5, "casey.\(slug)@example.com", "Casey Customer", .customer, active: false)
            users = [admin, supervisor, agent, secondAgent, customer, secondCustomer].sorted { $0.id < $1.id }

            // Inserted billing first so that "ordered by name" is not insertion order.
            billing = Department(
                id: FixtureID.make(space + 2, 0), organizationID: organizationID, name: "Billing",
                description: "Invoices, refunds and payment problems", tier: 2, routingStrategy: .leastLoaded, offlinePolicy: .returnToQueue,
                createdAt: FixtureTime.at(minutes: -8_500, milliseconds: 1), updatedAt: FixtureTime.at(minutes: -8_400, milliseconds: 2), version: 2
            )
            generalSupport = Department(
                id: FixtureID.make(space + 2, 1), organizationID: organizationID, name: "General Support",
                description: "First line", tier: 1, routingStrategy: .roundRobin,
                createdAt: FixtureTime.at(minutes: -8_500, milliseconds: 3)
            )
            departments = [billing, generalSupport]

            agentProfiles = [
                AgentProfile(
                    userID: supervisor.id, organizationID: organizationID, employeeID: "E-\(slug)-001",
                    departmentIDs: [billing.id, generalSupport.id], tier: 3, skills: ["escalations", "refunds"],
                    languages: ["en", "de"], availability: .busy, maxConcurrentTickets: 8, maxConcurrentChats: 2,
                    shift: ShiftSchedule(timeZone: "Europe/Berlin", windows: [
                        ShiftWindow(weekday: 1, startMinute: 480, endMinute: 1_020),
                        ShiftWindow(weekday: 3, startMinute: 600, endMinute: 1_140),
                    ]),
                    statistics: AgentStatistics(
                        ticketsHandled: 40, ticketsClosed: 31, totalFirstResponseSeconds: 12_000, firstResponseCount: 38,
                        totalResolutionSeconds: 400_000, resolutionCount: 30, ratingSum: 140, ratingCount: 31
                    ),
                    createdAt: FixtureTime.at(minutes: -8_000, milliseconds: 5), updatedAt: FixtureTime.at(minutes: -100, milliseconds: 6), version: 7
                ),
                AgentProfile(
                    userID: agent.id, organizationID: organizationID, employeeID: "E-\(slug)-002", departmentIDs: [generalSupport.id],
                    tier: 1, skills: ["booking"], languages: ["en"], availability: .available,
                    createdAt: FixtureTime.at(minutes: -7_999, milliseconds: 5)
                ),
                AgentProfile(
                    userID: secondAgent.id, organizationID: organizationID, employeeID: nil, departmentIDs: [billing.id],
                    tier: 2, skills: ["refunds", "payment"], languages: ["en", "fi"], availability: .away,
                    maxConcurrentTickets: 3, maxConcurrentChats: 1, shift: ShiftSchedule(timeZone: "Europe/Helsinki", windows: []),
                    createdAt: FixtureTime.at(minutes: -7_998, milliseconds: 5), version: 2
                ),
            ].sorted { $0.userID < $1.userID }

            let staff = [agent.id, secondAgent.id, supervisor.id]
            let customers = [customer, secondCustomer]
            let departmentIDs = [generalSupport.id, billing.id]
            let tickets = (0..<ticketCount).map { index in
                Self.makeTicket(
                    index: index, count: ticketCount, space: space, organizationID: organizationID,
                    staff: staff, customers: customers, departments: departmentIDs
                )
            }
            // The last ticket refers to earlier ones (merge, links), never to later ones.
            var withLinks = tickets
            if ticketCount > 2 {
                withLinks[ticketCount - 1].mergedIntoID = tickets[0].id
                withLinks[ticketCount - 1].linkedTicketIDs = [tickets[1].id, tickets[2].id]
            }
            self.tickets = withLinks
            messages = Self.makeMessages(space: space, organizationID: organizationID, tickets: withLinks, customer: customer, agent: agent, admin: admin)
            auditEvents = Self.makeAuditEvents(space: space, organizationID: organizationID, tickets: withLinks, agent: agent, supervisor: supervisor)
            idempotencyRecords = [1, 4].filter { $0 < ticketCount }.map { index in
                IdempotencyRecord(key: Self.idempotencyKey(organizationID, withLinks[index].customerID, index), ticketID: withLinks[index].id)
            }
        }

        /// The key the seed stores with the ticket at `index`, if any.
        func idempotencyKey(forTicketAt index: Int) -> IdempotencyKey? {
            idempotencyRecords.first { $0.ticketID == tickets[index].id }?.key
        }

        static func idempotencyKey(_ organizationID: OrganizationID, _ userID: UserID, _ index: Int) -> IdempotencyKey {
            IdempotencyKey(organizationID: organizationID, userID: userID, key: "create-ticket-\(index)", fingerprint: "sha256:body-\(index)")
        }

        /// The user with this id.
        public func user(_ id: UserID) -> User? { users.first { $0.id == id } }

        /// The ticket with this id.
        public func ticket(_ id: TicketID) -> Ticket? { tickets.first { $0.id == id } }
    }
}
