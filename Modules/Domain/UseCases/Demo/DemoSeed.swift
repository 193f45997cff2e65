/// The demo data of §16: organization `demo`, its admin, two agents in "General Support", a customer,
/// and a few sample tickets. The "General Support" journey and the default SLA policy are added by the
/// journey and SLA features when they exist.
public struct DemoSeed: Sendable {
    let deps: Dependencies

    public init(_ deps: Dependencies) { self.deps = deps }

    public static let organizationSlug = "demo"

    /// The accounts created, for printing how to log in.
    public static let logins: [(email: String, password: String, role: Role)] = [
        ("admin@example.com", "admin123", .admin),
        ("agent1@example.com", "agent123", .agent),
        ("agent2@example.com", "agent123", .agent),
        ("customer@example.com", "customer123", .customer),
    ]

    public enum Outcome: Sendable, Equatable {
        case seeded(Organization)
        /// The demo organization already existed; nothing was changed.
        case alreadyPresent(Organization)
    }

    /// Seeds once: a second run finds the organization and leaves everything as it is.
    public func run() async throws(DomainError) -> Outcome {
        let orgs = OrganizationUseCases(deps)
        if let existing = try await deps.read({ try await $0.organization(slug: Self.organizationSlug) }) {
            return .alreadyPresent(existing)
        }
        let org = try await orgs.create(slug: Self.organizationSlug, name: "Demo Company")
        let support = try await DepartmentUseCases(deps).provision(
            .init(name: "General Support", description: "First line for every question", tier: 1), in: org.id
        )
        let users = UserUseCases(deps)
        var accounts: [Role: [User]] = [:]
        for (email, password, role) in Self.logins {
            let name = email.split(separator: "@").first.map { $0.prefix(1).uppercased() + $0.dropFirst() } ?? email
            let user = try await users.provision(
                .init(email: email, name: name, password: password, role: role), in: org.id,
                departments: role == .agent ? [support.id] : []
            )
            accounts[role, default: []].append(user)
        }
        let customer = accounts[.customer]![0]
        let customerActor = Actor(userID: customer.id, organizationID: org.id, role: .customer)
        let tickets = TicketUseCases(deps)
        let samples: [(String, String, String, Priority)] = [
            ("Cannot log in to my account", "The password reset email never arrives.", "account", .high),
            ("Charged twice for order 1042", "My card shows two payments for the same order.", "payment", .urgent),
            ("How do I change my booking date?", "I would like to move my booking to next week.", "booking", .medium),
        ]
        for (subject, description, category, priority) in samples {
            _ = try await tickets.create(
                NewTicket(subject: subject, description: description, category: category, priority: priority, departmentID: support.id),
                actor: customerActor
            )
        }
        return .seeded(org)
    }
}
