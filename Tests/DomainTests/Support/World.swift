import Domain
import Foundation
import Memory

/// A small organization on memory adapters with a manual clock: the stage for use-case tests.
struct World {
    let clock: ManualClock
    let storage: MemoryStorage
    let transport: RecordingTransport
    let deps: Dependencies
    let org: Organization
    let otherOrg: Organization
    let support: Department
    let billing: Department
    let admin: Actor
    let supervisor: Actor
    let agent1: Actor
    let agent2: Actor
    let billingAgent: Actor
    let customer: Actor
    let otherCustomer: Actor
    let outsider: Actor

    var tickets: TicketUseCases { TicketUseCases(deps) }
    var messages: MessageUseCases { MessageUseCases(deps) }
    var users: UserUseCases { UserUseCases(deps) }
    var agents: AgentUseCases { AgentUseCases(deps) }

    static func make() async throws -> World {
        let clock = ManualClock()
        let storage = MemoryStorage()
        let transport = RecordingTransport()
        let deps = Dependencies(
            storage: storage, clock: clock, ids: SequentialIDGenerator(clock: clock), transport: transport,
            passwordHasher: PlainPasswordHasher(), secrets: MemorySecretGenerator()
        )
        return try await World(clock: clock, storage: storage, transport: transport, deps: deps)
    }

    private init(clock: ManualClock, storage: MemoryStorage, transport: RecordingTransport, deps: Dependencies) async throws {
        let orgs = OrganizationUseCases(deps)
        let users = UserUseCases(deps)
        let departments = DepartmentUseCases(deps)
        org = try await orgs.create(slug: "acme", name: "Acme")
        otherOrg = try await orgs.create(slug: "globex", name: "Globex")
        support = try await departments.provision(.init(name: "Support", tier: 1), in: org.id)
        billing = try await departments.provision(.init(name: "Billing", tier: 2), in: org.id)

        func person(_ email: String, _ role: Role, in org: OrganizationID, departments: Set<DepartmentID> = []) async throws -> Actor {
            let user = try await users.provision(.init(email: email, name: email, password: "password1", role: role), in: org, departments: departments)
            return try await users.actor(for: user.id, in: org)
        }
        admin = try await person("admin@acme.test", .admin, in: org.id)
        supervisor = try await person("lead@acme.test", .supervisor, in: org.id, departments: [support.id])
        agent1 = try await person("a1@acme.test", .agent, in: org.id, departments: [support.id])
        agent2 = try await person("a2@acme.test", .agent, in: org.id, departments: [support.id])
        billingAgent = try await person("b1@acme.test", .agent, in: org.id, departments: [billing.id])
        customer = try await person("c1@acme.test", .customer, in: org.id)
        otherCustomer = try await person("c2@acme.test", .customer, in: org.id)
        outsider = try await person("admin@globex.test", .admin, in: otherOrg.id)
        self.clock = clock
        self.storage = storage
        self.transport = transport
        self.deps = deps
    }

    /// A ticket opened by `customer` in Support.
    func openTicket(_ subject: String = "Printer on fire", priority: Priority = .medium, by actor: Actor? = nil) async throws -> Ticket {
        try await tickets.create(NewTicket(subject: subject, description: "It smokes.", priority: priority, departmentID: support.id), actor: actor ?? customer)
    }

    /// Publishes every committed event of the outbox to `transport`, as the relay service would.
    func relayEvents() async throws {
        while try await EventRelay(deps).relayPending(holder: "world-relay", limit: 100) > 0 {}
    }

    func history(_ ticket: Ticket) async throws -> [AuditEvent.Kind] {
        try await storage.auditEvents(ticket: ticket.id, in: org.id).map(\.kind)
    }
}
