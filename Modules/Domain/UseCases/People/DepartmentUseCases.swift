/// Departments of an organization (admins manage them; staff read them).
public struct DepartmentUseCases: Sendable {
    let deps: Dependencies

    public init(_ deps: Dependencies) { self.deps = deps }

    public struct Input: Sendable, Equatable {
        public var name: String?
        public var description: String?
        public var tier: Int?
        public var routingStrategy: RoutingStrategy?
        public var offlinePolicy: OfflinePolicy?

        public init(
            name: String? = nil, description: String? = nil, tier: Int? = nil, routingStrategy: RoutingStrategy? = nil,
            offlinePolicy: OfflinePolicy? = nil
        ) {
            self.name = name
            self.description = description
            self.tier = tier
            self.routingStrategy = routingStrategy
            self.offlinePolicy = offlinePolicy
        }
    }

    public func list(actor: Actor) async throws(DomainError) -> [Department] {
        try await deps.read { try await $0.departments(in: actor.organizationID) }
    }

    public func create(_ input: Input, actor: Actor) async throws(DomainError) -> Department {
        try AccessPolicy.authorize(actor, .manageDepartments)
        return try await provision(input, in: actor.organizationID)
    }

    /// Operator tooling (seed) creates a department without an acting user.
    public func provision(_ input: Input, in organization: OrganizationID) async throws(DomainError) -> Department {
        var v = Validator()
        let name = v.text(input.name, field: "name", max: Limits.name)
        let description = v.text(input.description, field: "description", max: Limits.summary, required: false)
        v.range(input.tier, field: "tier", Limits.tiers)
        try v.check()
        let department = Department(
            id: deps.ids.make(), organizationID: organization, name: name!, description: description ?? "",
            tier: input.tier ?? 1, routingStrategy: input.routingStrategy ?? .roundRobin,
            offlinePolicy: input.offlinePolicy ?? .keepAssigned, createdAt: deps.clock.now()
        )
        _ = try await deps.commit(UnitOfWork([.insertDepartment(department)]))
        return department
    }

    public func update(_ id: DepartmentID, _ input: Input, actor: Actor, expectedVersion: Int? = nil) async throws(DomainError) -> Department {
        try AccessPolicy.authorize(actor, .manageDepartments)
        var v = Validator()
        let name = input.name.flatMap { v.text($0, field: "name", max: Limits.name) }
        let description = input.description.flatMap { v.text($0, field: "description", max: Limits.summary, required: false) }
        v.range(input.tier, field: "tier", Limits.tiers)
        try v.check()
        let current = try await deps.read { try await $0.department(id: id, in: actor.organizationID) }
        guard var department = current else { throw .notFound(entity: "department") }
        if let expectedVersion, expectedVersion != department.version { throw .staleVersion(current: department.version) }
        let read = department.version
        if let name { department.name = name }
        if let description { department.description = description }
        if let tier = input.tier { department.tier = tier }
        if let strategy = input.routingStrategy { department.routingStrategy = strategy }
        if let policy = input.offlinePolicy { department.offlinePolicy = policy }
        department.version += 1
        department.updatedAt = deps.clock.now()
        _ = try await deps.commit(UnitOfWork([.updateDepartment(department, expectedVersion: read)]))
        return department
    }
}
