import Foundation

/// An organization's SLA configuration (§6): its policies and business-hours calendars. Staff read them;
/// admins replace each list whole (`PUT`). A replacement applies to new tickets and to every ticket's `sla` block at
/// once, and to open tickets' stored SLA records (the sweep's index) through a `recompute_sla` job committed in the
/// replacement's unit of work and run by workers (`SLARecomputeUseCases`), so the request does not walk the tickets.
public struct SLAConfigurationUseCases: Sendable {
    let deps: Dependencies

    public init(_ deps: Dependencies) { self.deps = deps }

    /// A policy as an administrator sends it; without an id it is new.
    public struct PolicyInput: Sendable, Equatable {
        public var id: SLAPolicyID?
        public var name: String
        public var targets: SLATargets
        public var conditions: SLAConditions
        public var businessHoursID: BusinessHoursID?
        public var escalation: SLAEscalation?

        public init(
            id: SLAPolicyID? = nil, name: String, targets: SLATargets = .defaults, conditions: SLAConditions = .any,
            businessHoursID: BusinessHoursID? = nil, escalation: SLAEscalation? = nil
        ) {
            self.id = id
            self.name = name
            self.targets = targets
            self.conditions = conditions
            self.businessHoursID = businessHoursID
            self.escalation = escalation
        }
    }

    /// A calendar as an administrator sends it; without an id it is new.
    public struct HoursInput: Sendable, Equatable {
        public var id: BusinessHoursID?
        public var name: String
        public var definition: BusinessCalendarDefinition

        public init(id: BusinessHoursID? = nil, name: String, definition: BusinessCalendarDefinition) {
            self.id = id
            self.name = name
            self.definition = definition
        }
    }

    /// The organization's policies in their order (staff).
    public func policies(actor: Actor) async throws(DomainError) -> [SLAPolicy] {
        guard actor.role.isStaff else { throw .forbidden(reason: "only staff see SLA policies") }
        return try await deps.read { try await $0.slaPolicies(in: actor.organizationID) }
    }

    /// The organization's business-hours calendars in their order (staff).
    public func businessHours(actor: Actor) async throws(DomainError) -> [BusinessHours] {
        guard actor.role.isStaff else { throw .forbidden(reason: "only staff see business hours") }
        return try await deps.read { try await $0.businessHours(in: actor.organizationID) }
    }

    /// Replaces the policies (admins). Every policy must be valid (`SLAPolicy.validated(_:)`), name an
    /// existing calendar and existing departments; fields are named `policies[i].…`.
    public func replacePolicies(_ inputs: [PolicyInput], actor: Actor) async throws(DomainError) -> [SLAPolicy] {
        try AccessPolicy.authorize(actor, .manageSLA)
        return try await provisionPolicies(inputs, in: actor.organizationID)
    }

    /// Operator tooling (seed) stores policies without an acting user.
    @discardableResult
    public func provisionPolicies(_ inputs: [PolicyInput], in org: OrganizationID) async throws(DomainError) -> [SLAPolicy] {
        let policies = try SLAPolicy.validated(inputs.map {
            SLAPolicy(
                id: $0.id ?? deps.ids.make(), organizationID: org, name: $0.name, targets: $0.targets,
                conditions: $0.conditions, businessHoursID: $0.businessHoursID, escalation: $0.escalation
            )
        })
        let hours = Set(try await deps.read { try await $0.businessHours(in: org) }.map(\.id))
        let departments = Set(try await deps.read { try await $0.departments(in: org) }.map(\.id))
        var v = Validator()
        for (index, policy) in policies.enumerated() {
            if let id = policy.businessHoursID, !hours.contains(id) { v.fail("policies[\(index)].businessHoursId", "no such business hours") }
            if !policy.conditions.departmentIDs.isSubset(of: departments) { v.fail("policies[\(index)].conditions.departmentIds", "no such department") }
            if let target = policy.escalation?.toDepartmentID, !departments.contains(target) {
                v.fail("policies[\(index)].escalation.toDepartmentId", "no such department")
            }
        }
        if Set(policies.map(\.id)).count != policies.count { v.fail("policies", "ids must be unique") }
        try v.check()
        _ = try await deps.commit(UnitOfWork([.replaceSLAPolicies(org, policies), .enqueueJob(SLARecomputeUseCases(deps).job(for: org))]))
        return policies
    }

    /// Replaces the business-hours calendars (admins). Every definition must be valid; a calendar a policy
    /// still uses cannot be removed. Fields are named `businessHours[i].…`.
    public func replaceBusinessHours(_ inputs: [HoursInput], actor: Actor) async throws(DomainError) -> [BusinessHours] {
        try AccessPolicy.authorize(actor, .manageSLA)
        let org = actor.organizationID
        var v = Validator()
        var calendars: [BusinessHours] = []
        for (index, input) in inputs.enumerated() {
            let name = v.text(input.name, field: "businessHours[\(index)].name", max: Limits.name) ?? input.name
            let hours = BusinessHours(id: input.id ?? deps.ids.make(), organizationID: org, name: name, definition: input.definition)
            do {
                _ = try hours.calendar()
            } catch {
                if case .validation(let violations) = error {
                    for violation in violations { v.fail("businessHours[\(index)].\(violation.field)", violation.message) }
                } else {
                    throw error
                }
            }
            calendars.append(hours)
        }
        if Set(calendars.map(\.id)).count != calendars.count { v.fail("businessHours", "ids must be unique") }
        let kept = Set(calendars.map(\.id))
        let policies = try await deps.read { try await $0.slaPolicies(in: org) }
        for policy in policies {
            if let id = policy.businessHoursID, !kept.contains(id) {
                v.fail("businessHours", "\(id) is used by the policy \"\(policy.name)\"; change the policy first")
            }
        }
        try v.check()
        _ = try await deps.commit(UnitOfWork([.replaceBusinessHours(org, calendars), .enqueueJob(SLARecomputeUseCases(deps).job(for: org))]))
        return calendars
    }
}
