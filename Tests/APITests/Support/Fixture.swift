import BcryptPasswordHasher
import Bootstrap
import Domain
import Foundation
import Logging
import Memory

/// Two organizations on memory adapters with a manual clock: `acme` with every role and two departments,
/// and `globex`, whose users must never see anything of acme's.
struct Fixture {
    let clock: ManualClock
    let storage: MemoryStorage
    let runtime: Runtime
    let acme: Organization
    let globex: Organization
    let support: Department
    let billing: Department
    let globexDesk: Department
    /// Every account's email and role; all share `Fixture.password`.
    let users: [String: User]

    static let password = "password1"
    static let signingSecret = Secret(String(repeating: "k", count: 40))

    var deps: Dependencies { runtime.dependencies }

    /// The user with this email (every fixture email exists; a typo is a test bug, reported as such).
    func user(_ email: String) -> User {
        guard let user = users[email] else { preconditionFailure("no fixture user \(email)") }
        return user
    }

    static func make(logger: Logger? = nil, transport: any Transport = DiscardingTransport()) async throws -> Fixture {
        let clock = ManualClock()
        let storage = MemoryStorage()
        // bcrypt at its lowest cost: the real hasher, fast enough for hundreds of logins.
        let deps = Dependencies(
            storage: storage, clock: clock, ids: SequentialIDGenerator(clock: clock), transport: transport,
            passwordHasher: BcryptPasswordHasher(cost: 4), secrets: MemorySecretGenerator()
        )
        let logger = logger ?? {
            var quiet = Logger(label: "switchboard.api.tests")
            quiet.logLevel = .critical
            return quiet
        }()
        let runtime = Runtime.composing(
            settings: try Settings.parse(environment: [:]), storage: storage, files: MemoryFileStore(), notifier: MemoryNotifier(),
            transport: transport, dependencies: deps, logger: logger
        )
        let orgs = OrganizationUseCases(deps)
        let acme = try await orgs.create(slug: "acme", name: "Acme")
        let globex = try await orgs.create(slug: "globex", name: "Globex")
        let departments = DepartmentUseCases(deps)
        let support = try await departments.provision(.init(name: "Support", tier: 1), in: acme.id)
        let billing = try await departments.provision(.init(name: "Billing", tier: 2), in: acme.id)
        let globexDesk = try await departments.provision(.init(name: "Desk"), in: globex.id)

        let people: [(String, Role, OrganizationID, Set<DepartmentID>)] = [
            ("admin@acme.test", .admin, acme.id, []),
            ("lead@acme.test", .supervisor, acme.id, [support.id]),
            ("agent1@acme.test", .agent, acme.id, [support.id]),
            ("agent2@acme.test", .agent, acme.id, [support.id]),
            ("billing@acme.test", .agent, acme.id, [billing.id]),
            ("customer@acme.test", .customer, acme.id, []),
            ("other@acme.test", .customer, acme.id, []),
            ("admin@globex.test", .admin, globex.id, []),
            ("agent@globex.test", .agent, globex.id, [globexDesk.id]),
            ("customer@globex.test", .customer, globex.id, []),
        ]
        var users: [String: User] = [:]
        for (email, role, org, departments) in people {
            users[email] = try await UserUseCases(deps).provision(
                .init(email: email, name: email.split(separator: "@")[0].capitalized, password: password, role: role), in: org, departments: departments
            )
        }
        return Fixture(
            clock: clock, storage: storage, runtime: runtime, acme: acme, globex: globex, support: support, billing: billing,
            globexDesk: globexDesk, users: users
        )
    }

    /// What a failed request must leave untouched: every ticket's version, message count and audit count.
    func snapshot() async throws -> [String: String] {
        var result: [String: String] = [:]
        for org in [acme, globex] {
            let tickets = try await storage.tickets(TicketQuery(scope: .organization(org.id), limit: TicketQuery.maximumLimit)).items
            result["\(org.slug).tickets"] = String(tickets.count)
            for ticket in tickets {
                let messages = try await storage.messages(ticket: ticket.id, in: org.id, includeInternal: true).count
                let events = try await storage.auditEvents(ticket: ticket.id, in: org.id).count
                let files = try await storage.attachments(ticket: ticket.id, in: org.id).count
                result[ticket.id.description] = "v\(ticket.version) m\(messages) e\(events) f\(files)"
            }
            result["\(org.slug).users"] = String(try await storage.users(in: org.id, role: nil).count)
            result["\(org.slug).departments"] = String(try await storage.departments(in: org.id).map { "\($0.name)@\($0.version)" }.joined(separator: ","))
            result["\(org.slug).agents"] = String(try await storage.agentProfiles(in: org.id).map { "\($0.userID)@\($0.version)" }.joined(separator: ","))
        }
        return result
    }
}
