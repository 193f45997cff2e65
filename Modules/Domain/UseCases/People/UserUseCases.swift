import Foundation

/// Accounts: self-registration, provisioning by operators and admins, sign-in, and the acting identity.
public struct UserUseCases: Sendable {
    let deps: Dependencies

    public init(_ deps: Dependencies) { self.deps = deps }

    /// Fields of a new account.
    public struct NewUser: Sendable, Equatable {
        public var email: String?
        public var name: String?
        public var password: String?
        public var role: Role
        public var phone: String?

        public init(email: String?, name: String?, password: String?, role: Role, phone: String? = nil) {
            self.email = email
            self.name = name
            self.password = password
            self.role = role
            self.phone = phone
        }
    }

    /// A customer signs up in an organization.
    public func register(_ input: NewUser, in organization: OrganizationID) async throws(DomainError) -> User {
        var customer = input
        customer.role = .customer
        return try await insert(customer, in: organization, extra: { _, _ in [] })
    }

    /// An admin creates an account of any role in their organization.
    public func create(_ input: NewUser, actor: Actor) async throws(DomainError) -> User {
        try AccessPolicy.authorize(actor, .manageUsers)
        return try await provision(input, in: actor.organizationID)
    }

    /// Operator tooling (CLI, demo seed) creates an account; staff get a default agent profile with it.
    public func provision(_ input: NewUser, in organization: OrganizationID, departments: Set<DepartmentID> = []) async throws(DomainError) -> User {
        try await insert(input, in: organization) { user, now in
            guard user.role.isStaff else { return [] }
            return [.insertAgentProfile(AgentProfile(userID: user.id, organizationID: organization, departmentIDs: departments, createdAt: now))]
        }
    }

    /// Validates, hashes the password and commits the user together with `extra` changes.
    func insert(
        _ input: NewUser, in organization: OrganizationID, extra: (User, _ now: Date) -> [UnitOfWork.Change]
    ) async throws(DomainError) -> User {
        var v = Validator()
        let email = input.email.flatMap(EmailAddress.init)
        if input.email == nil { v.fail("email", "is required") } else if email == nil { v.fail("email", "is not a valid email address") }
        let name = v.text(input.name, field: "name", max: Limits.name)
        if let password = input.password {
            if !Limits.password.contains(password.count) {
                v.fail("password", "must be \(Limits.password.lowerBound) to \(Limits.password.upperBound) characters")
            }
        } else {
            v.fail("password", "is required")
        }
        try v.check()
        let exists = try await deps.read { try await $0.organization(id: organization) }
        guard exists != nil else { throw .notFound(entity: "organization") }
        let hash: String
        do { hash = try await deps.passwordHasher.hash(input.password!) } catch { throw .unavailable(reason: "password hashing failed") }
        let user = User(
            id: deps.ids.make(), organizationID: organization, email: email!, name: name!, phone: input.phone,
            role: input.role, passwordHash: hash, createdAt: deps.clock.now()
        )
        var unit = UnitOfWork([.insertUser(user)])
        unit.append(contentsOf: extra(user, user.createdAt))
        _ = try await deps.commit(unit)
        return user
    }

    /// Signs in with email and password. When the email exists in several organizations the caller must
    /// name one (`organization` slug). Every failure reads the same, so accounts cannot be probed.
    public func authenticate(email: String, password: String, organization slug: String? = nil) async throws(DomainError) -> User {
        let denied = DomainError.unauthenticated(reason: "invalid email or password")
        guard let address = EmailAddress(email) else { throw denied }
        var candidates = try await deps.read { try await $0.users(email: address) }.filter(\.isActive)
        if let slug {
            let org = try await deps.read { try await $0.organization(slug: slug.lowercased()) }
            candidates = candidates.filter { $0.organizationID == org?.id }
        } else if candidates.count > 1 {
            throw .invalid("organization", "this email exists in several organizations; name one")
        }
        guard let user = candidates.first else { throw denied }
        let ok: Bool
        do { ok = try await deps.passwordHasher.verify(password, against: user.passwordHash) } catch { throw denied }
        guard ok else { throw denied }
        return user
    }

    /// The acting identity of a user: role and, for staff, their departments.
    public func actor(for userID: UserID, in organization: OrganizationID) async throws(DomainError) -> Actor {
        let user = try await deps.read { try await $0.user(id: userID, in: organization) }
        guard let user, user.isActive else { throw .unauthenticated(reason: "unknown or inactive user") }
        var departments: Set<DepartmentID> = []
        if user.role.isStaff {
            departments = try await deps.read { try await $0.agentProfile(userID: userID, in: organization) }?.departmentIDs ?? []
        }
        return Actor(userID: user.id, organizationID: organization, role: user.role, departmentIDs: departments)
    }

    public func user(_ id: UserID, actor: Actor) async throws(DomainError) -> User {
        let user = try await deps.read { try await $0.user(id: id, in: actor.organizationID) }
        guard let user, user.id == actor.userID || actor.role.isStaff else { throw .notFound(entity: "user") }
        return user
    }
}
