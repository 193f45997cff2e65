/// Agent profiles: admins manage them; every staff member sets their own availability.
public struct AgentUseCases: Sendable {
    let deps: Dependencies

    public init(_ deps: Dependencies) { self.deps = deps }

    /// Changes to a profile; `nil` leaves a field as it is.
    public struct ProfilePatch: Sendable, Equatable {
        public var employeeID: String?
        public var departmentIDs: Set<DepartmentID>?
        public var tier: Int?
        public var skills: Set<String>?
        public var languages: Set<String>?
        public var maxConcurrentTickets: Int?
        public var maxConcurrentChats: Int?
        public var shift: ShiftSchedule?
        public var availability: Availability?

        public init(
            employeeID: String? = nil, departmentIDs: Set<DepartmentID>? = nil, tier: Int? = nil, skills: Set<String>? = nil,
            languages: Set<String>? = nil, maxConcurrentTickets: Int? = nil, maxConcurrentChats: Int? = nil,
            shift: ShiftSchedule? = nil, availability: Availability? = nil
        ) {
            self.employeeID = employeeID
            self.departmentIDs = departmentIDs
            self.tier = tier
            self.skills = skills
            self.languages = languages
            self.maxConcurrentTickets = maxConcurrentTickets
            self.maxConcurrentChats = maxConcurrentChats
            self.shift = shift
            self.availability = availability
        }
    }

    /// Staff users with their profiles, ordered by user id.
    public func list(actor: Actor) async throws(DomainError) -> [(User, AgentProfile)] {
        try AccessPolicy.authorize(actor, .listAgents)
        let org = actor.organizationID
        let profiles = try await deps.read { try await $0.agentProfiles(in: org) }
        let users = try await deps.read { try await $0.users(in: org, role: nil) }
        let byID = Dictionary(uniqueKeysWithValues: users.map { ($0.id, $0) })
        return profiles.compactMap { profile in byID[profile.userID].map { ($0, profile) } }
    }

    public func profile(_ userID: UserID, actor: Actor) async throws(DomainError) -> AgentProfile {
        try AccessPolicy.authorize(actor, .listAgents)
        let profile = try await deps.read { try await $0.agentProfile(userID: userID, in: actor.organizationID) }
        guard let profile else { throw .notFound(entity: "agent") }
        return profile
    }

    /// An admin creates a staff account and its profile in one unit of work.
    public func create(_ user: UserUseCases.NewUser, profile patch: ProfilePatch, actor: Actor) async throws(DomainError) -> (User, AgentProfile) {
        try AccessPolicy.authorize(actor, .manageAgents)
        guard user.role.isStaff else { throw .invalid("role", "must be agent, supervisor or admin") }
        let org = actor.organizationID
        try await validate(patch, in: org)
        var created: AgentProfile?
        let account = try await UserUseCases(deps).insert(user, in: org) { user, now in
            var profile = AgentProfile(userID: user.id, organizationID: org, createdAt: now)
            apply(patch, to: &profile)
            created = profile
            return [.insertAgentProfile(profile)]
        }
        return (account, created!)
    }

    /// An admin changes a profile (optionally guarded by the version the caller read).
    public func update(_ userID: UserID, _ patch: ProfilePatch, actor: Actor, expectedVersion: Int? = nil) async throws(DomainError) -> AgentProfile {
        try AccessPolicy.authorize(actor, .manageAgents)
        try await validate(patch, in: actor.organizationID)
        return try await change(userID, in: actor.organizationID, expectedVersion: expectedVersion, { apply(patch, to: &$0) }, events: membershipEvents)
    }

    /// A change of departments is announced, so that real-time subscriptions that depended on the old
    /// membership are checked again at once (and new ones become possible) instead of at the next revalidation.
    private func membershipEvents(_ before: AgentProfile, _ after: AgentProfile) -> [DomainEvent] {
        guard before.departmentIDs != after.departmentIDs else { return [] }
        func names(_ ids: Set<DepartmentID>) -> String { ids.map(\.description).sorted().joined(separator: ",") }
        return [DomainEvent(
            kind: .agentDepartmentsChanged, organizationID: after.organizationID, agentID: after.userID, staffOnly: true,
            data: ["agentId": after.userID.description, "departmentIds": names(after.departmentIDs), "previousDepartmentIds": names(before.departmentIDs)],
            at: after.updatedAt
        )]
    }

    private func change(
        _ userID: UserID, in org: OrganizationID, expectedVersion: Int?, _ edit: (inout AgentProfile) -> Void,
        events: (_ before: AgentProfile, _ after: AgentProfile) -> [DomainEvent] = { _, _ in [] }
    ) async throws(DomainError) -> AgentProfile {
        let current = try await deps.read { try await $0.agentProfile(userID: userID, in: org) }
        guard var profile = current else { throw .notFound(entity: "agent") }
        if let expectedVersion, expectedVersion != profile.version { throw .staleVersion(current: profile.version) }
        let before = profile
        edit(&profile)
        profile.version += 1
        profile.updatedAt = deps.clock.now()
        var unit = UnitOfWork([.updateAgentProfile(profile, expectedVersion: before.version)])
        unit.record(events(before, profile))
        _ = try await deps.commit(unit)
        return profile
    }

    private func validate(_ patch: ProfilePatch, in org: OrganizationID) async throws(DomainError) {
        var v = Validator()
        v.range(patch.tier, field: "tier", Limits.tiers)
        v.range(patch.maxConcurrentTickets, field: "maxConcurrentTickets", 1...100)
        v.range(patch.maxConcurrentChats, field: "maxConcurrentChats", 0...20)
        if let shift = patch.shift, !shift.windows.allSatisfy(\.isValid) {
            v.fail("shift", "windows need weekday 1-7 and 0 <= startMinute < endMinute <= 1440")
        }
        if let employeeID = patch.employeeID, employeeID.count > 64 { v.fail("employeeId", "must be at most 64 characters") }
        try v.check()
        if let wanted = patch.departmentIDs, !wanted.isEmpty {
            let known = Set(try await deps.read { try await $0.departments(in: org) }.map(\.id))
            if !wanted.isSubset(of: known) { throw .invalid("departmentIds", "contains an unknown department") }
        }
    }

    private func apply(_ patch: ProfilePatch, to profile: inout AgentProfile) {
        if let value = patch.employeeID { profile.employeeID = value }
        if let value = patch.departmentIDs { profile.departmentIDs = value }
        if let value = patch.tier { profile.tier = value }
        if let value = patch.skills { profile.skills = value }
        if let value = patch.languages { profile.languages = value }
        if let value = patch.maxConcurrentTickets { profile.maxConcurrentTickets = value }
        if let value = patch.maxConcurrentChats { profile.maxConcurrentChats = value }
        if let value = patch.shift { profile.shift = value }
        if let value = patch.availability { profile.availability = value }
    }
}
