import Domain
import Hummingbird

/// Agents (admins manage them; staff read them and set their own availability), departments, and the
/// agent dashboard.
struct PeopleRoutes: Sendable {
    let deps: Dependencies
    let body: JSONBody

    func register(on group: RouterGroup<APIRequestContext>) {
        group.get("queue") { _, context in
            let identity = try context.requireIdentity()
            let board = try await QueueUseCases(deps).dashboard(actor: identity.actor)
            let assignedToMe = try await RouteSupport.ticketBodies(board.assignedToMe, for: identity, deps: deps)
            let unassigned = try await RouteSupport.ticketBodies(board.unassigned, for: identity, deps: deps)
            let urgent = try await RouteSupport.ticketBodies(board.urgent, for: identity, deps: deps)
            return try JSONCoding.response(QueueResponse(
                assignedToMe: assignedToMe, unassigned: unassigned, urgent: urgent,
                workload: WorkloadResponse(activeTickets: board.activeCount, capacity: board.capacity)
            ))
        }

        group.get("agents") { _, context in
            let identity = try context.requireIdentity()
            let agents = try await AgentUseCases(deps).list(actor: identity.actor)
            return try JSONCoding.response(ListResponse(items: agents.map { AgentResponse($0.0, $0.1) }, nextCursor: nil))
        }
        group.post("agents") { request, context in
            let identity = try context.requireIdentity()
            let (user, patch) = try await body.decode(CreateAgentRequest.self, from: request).inputs()
            let (account, profile) = try await AgentUseCases(deps).create(user, profile: patch, actor: identity.actor)
            return try JSONCoding.response(AgentResponse(account, profile), status: .created, headers: [.eTag: EntityTag.header(for: profile.version)])
        }
        group.put("agents/me/status") { request, context in
            let identity = try context.requireIdentity()
            let input = try await body.decode(AvailabilityRequest.self, from: request)
            var reader = FieldReader()
            let availability: Availability? = reader.choice(input.status, "status", required: true)
            try reader.check()
            let profile = try await AgentUseCases(deps).setAvailability(availability!, actor: identity.actor)
            return try await agent(profile, identity)
        }
        group.get("agents/{id}/status-history") { request, context in
            let identity = try context.requireIdentity()
            let id: UserID = try RouteSupport.id("id", context)
            var reader = FieldReader()
            let limit = reader.integer(request.uri.queryParameters.get("limit"), "limit")
            try reader.check()
            let history = try await AgentUseCases(deps).availabilityHistory(id, actor: identity.actor, limit: limit ?? 100)
            return try JSONCoding.response(ListResponse(items: history.map(AvailabilityChangeResponse.init), nextCursor: nil))
        }
        group.patch("agents/{id}") { request, context in
            let identity = try context.requireIdentity()
            let id: UserID = try RouteSupport.id("id", context)
            let version = try EntityTag.expectedVersion(request)
            let fields = try await body.decode(AgentProfileFields.self, from: request)
            var reader = FieldReader()
            let patch = fields.patch(&reader)
            try reader.check()
            let profile = try await AgentUseCases(deps).update(id, patch, actor: identity.actor, expectedVersion: version)
            return try await agent(profile, identity)
        }

        group.get("departments") { _, context in
            let identity = try context.requireIdentity()
            let departments = try await DepartmentUseCases(deps).list(actor: identity.actor)
            return try JSONCoding.response(ListResponse(items: departments.map(DepartmentResponse.init), nextCursor: nil))
        }
        group.post("departments") { request, context in
            let identity = try context.requireIdentity()
            let input = try await body.decode(DepartmentRequest.self, from: request).input()
            let department = try await DepartmentUseCases(deps).create(input, actor: identity.actor)
            return try JSONCoding.response(DepartmentResponse(department), status: .created, headers: [.eTag: EntityTag.header(for: department.version)])
        }
        group.patch("departments/{id}") { request, context in
            let identity = try context.requireIdentity()
            let id: DepartmentID = try RouteSupport.id("id", context)
            let version = try EntityTag.expectedVersion(request)
            let input = try await body.decode(DepartmentRequest.self, from: request).input()
            let department = try await DepartmentUseCases(deps).update(id, input, actor: identity.actor, expectedVersion: version)
            return try JSONCoding.response(DepartmentResponse(department), headers: [.eTag: EntityTag.header(for: department.version)])
        }
    }

    /// An agent response for a profile just changed (the account is read alongside).
    private func agent(_ profile: AgentProfile, _ identity: Identity) async throws -> Response {
        let user = try await UserUseCases(deps).user(profile.userID, actor: identity.actor)
        return try JSONCoding.response(AgentResponse(user, profile), headers: [.eTag: EntityTag.header(for: profile.version)])
    }
}
