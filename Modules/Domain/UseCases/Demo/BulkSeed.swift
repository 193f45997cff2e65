import Foundation

/// Realistic bulk data for benchmarks (`switchboard seed --tickets N`): one fresh organization with
/// departments, agents and customers, then tickets in every state of their life with their threads
/// (customer and agent messages, internal notes) and the audit history the use cases would have
/// written for them. Pure and deterministic: the same plan gives the same entities, ids included, and
/// any batch can be produced on its own (so loading can proceed batch by batch in constant memory).
///
/// Ticket numbers are allocated here (1…N, in creation order), which is only right for an organization
/// the batches create; `BulkLoading` makes normal numbering continue after them.
public struct BulkSeed: Sendable {
    /// What to generate.
    public struct Plan: Sendable, Equatable {
        public var organizationSlug: String
        public var tickets: Int
        public var agents: Int
        public var customers: Int
        /// Tickets per batch (one transaction each when loaded).
        public var batchSize: Int
        public var seed: UInt64
        /// Creation time of the newest ticket; older ones are spread back from it.
        public var end: Date
        /// The password hash every generated user gets (hashing is not the Domain's job, and one hash
        /// shared by all keeps generation fast).
        public var passwordHash: String

        public init(
            organizationSlug: String = "bench", tickets: Int, agents: Int, customers: Int, batchSize: Int = 5_000, seed: UInt64 = 1,
            end: Date, passwordHash: String
        ) {
            self.organizationSlug = organizationSlug
            self.tickets = max(0, tickets)
            self.agents = max(1, agents)
            self.customers = max(1, customers)
            self.batchSize = max(1, batchSize)
            self.seed = seed
            self.end = end.truncatedToMilliseconds
            self.passwordHash = passwordHash
        }
    }

    public let plan: Plan
    public let organization: Organization
    public let departmentIDs: [DepartmentID]
    public let adminID: UserID
    public let agentIDs: [UserID]
    public let customerIDs: [UserID]
    /// The contact of each customer's tickets (by customer index), made once: validating an address
    /// for every ticket cost as much as the rest of its fields.
    let customerContacts: [Contact]

    /// Seconds between two consecutive tickets' creation.
    static let spacing = 30.0
    static let departmentNames = ["General Support", "Billing", "Technical", "Escalations"]

    public init(_ plan: Plan) {
        self.plan = plan
        var random = SplitMix64(seed: plan.seed ^ 0x5EED_0000_0000_0001)
        let start = plan.end.addingTimeInterval(-Self.spacing * Double(plan.tickets + 1))
        func id<Entity>(_: Entity.Type) -> Identifier<Entity> {
            Identifier(UUIDv7.make(milliseconds: UInt64(start.millisecondsSince1970), sequence: UInt16(random.below(4096)), random: random.next()))
        }
        organization = Organization(id: id(Organization.self), slug: plan.organizationSlug, name: "Benchmark \(plan.organizationSlug)", createdAt: start)
        departmentIDs = Self.departmentNames.map { _ in id(Department.self) }
        adminID = id(User.self)
        agentIDs = (0..<plan.agents).map { _ in id(User.self) }
        customerIDs = (0..<plan.customers).map { _ in id(User.self) }
        customerContacts = (0..<plan.customers).map { Contact(name: Self.customerName($0), email: EmailAddress(Self.customerEmail($0 + 1))) }
    }

    /// Sign-in addresses of the generated users (`index` from 1).
    public static let adminEmail = "admin@bench.example"
    public static func agentEmail(_ index: Int) -> String { "agent\(index)@bench.example" }
    public static func customerEmail(_ index: Int) -> String { "customer\(index)@bench.example" }

    var createdAt: Date { organization.createdAt }

    /// The first batch: the organization, its departments, an admin, the agents (with profiles) and the customers.
    public func people() -> SeedBatch {
        let org = organization.id
        let departments = zip(departmentIDs, Self.departmentNames).enumerated().map { index, pair in
            Department(id: pair.0, organizationID: org, name: pair.1, description: "\(pair.1) team", tier: min(3, index + 1), createdAt: createdAt)
        }
        var users = [User(
            id: adminID, organizationID: org, email: EmailAddress(Self.adminEmail)!, name: "Bench Admin", role: .admin,
            passwordHash: plan.passwordHash, createdAt: createdAt)]
        var profiles: [AgentProfile] = []
        for (index, agent) in agentIDs.enumerated() {
            users.append(User(
                id: agent, organizationID: org, email: EmailAddress(Self.agentEmail(index + 1))!, name: "Agent \(index + 1)", role: .agent,
                passwordHash: plan.passwordHash, createdAt: createdAt))
            profiles.append(AgentProfile(
                userID: agent, organizationID: org, employeeID: "E\(index + 1)", departmentIDs: [departmentIDs[index % departmentIDs.count]],
                tier: 1 + index % 3, skills: [Self.skills[index % Self.skills.count]], languages: index % 4 == 0 ? ["en", "de"] : ["en"],
                availability: .available, maxConcurrentTickets: 50, createdAt: createdAt))
        }
        for (index, customer) in customerIDs.enumerated() {
            users.append(User(
                id: customer, organizationID: org, email: EmailAddress(Self.customerEmail(index + 1))!, name: Self.customerName(index),
                role: .customer, passwordHash: plan.passwordHash, createdAt: createdAt))
        }
        return SeedBatch(organizations: [organization], departments: departments, users: users, agentProfiles: profiles)
    }

    /// How many ticket batches the plan has.
    public var ticketBatchCount: Int { (plan.tickets + plan.batchSize - 1) / plan.batchSize }

    /// Ticket batch `index` (0 ..< `ticketBatchCount`): its tickets with their messages and audit events.
    public func tickets(batch index: Int) -> SeedBatch {
        precondition(index >= 0 && index < ticketBatchCount, "batch \(index) outside 0..<\(ticketBatchCount)")
        var random = SplitMix64(seed: plan.seed &+ UInt64(index + 1) &* 0x9E37_79B9_7F4A_7C15)
        var batch = SeedBatch()
        let first = index * plan.batchSize + 1
        let last = min(plan.tickets, first + plan.batchSize - 1)
        batch.tickets.reserveCapacity(last - first + 1)
        for number in first...last {
            TicketLife(seed: self, number: number, random: &random).write(into: &batch)
        }
        return batch
    }

    static let skills = ["billing", "networking", "mobile", "payments", "accounts", "integrations"]
    static let firstNames = ["Ada", "Ben", "Chloé", "Dmitri", "Elif", "Farah", "Goran", "Hana", "Ivan", "Jun", "Kemal", "Lena", "Mateo", "Nora"]
    static let lastNames = ["Lovelace", "Okafor", "Dubois", "Ivanov", "Yilmaz", "Haddad", "Petrović", "Sato", "Novak", "Kim", "Demir", "Berg"]

    static func customerName(_ index: Int) -> String {
        "\(firstNames[index % firstNames.count]) \(lastNames[(index / firstNames.count) % lastNames.count])"
    }
}
