import Domain
import Hummingbird

/// The verbs of a ticket's life (SPEC §16 `/tickets/{id}/…`): each reads its body, honours `If-Match`
/// and hands over to one use case, which decides.
struct TicketActionRoutes: Sendable {
    let deps: Dependencies
    let body: JSONBody

    private typealias Action = @Sendable (_ id: TicketID, _ actor: Actor, _ version: Int?, _ request: Request) async throws -> Ticket

    func register(on group: RouterGroup<APIRequestContext>) {
        let tickets = TicketUseCases(deps)
        action("take", on: group) { id, actor, version, _ in
            try await tickets.take(id, actor: actor, expectedVersion: version)
        }
        action("assign", on: group) { id, actor, version, request in
            let input = try await body.decode(AssignRequest.self, from: request)
            var reader = FieldReader()
            let agent: UserID? = reader.id(input.agentId, "agentId", required: true)
            try reader.check()
            return try await tickets.assign(id, to: agent!, actor: actor, expectedVersion: version)
        }
        action("status", on: group) { id, actor, version, request in
            let input = try await body.decode(StatusRequest.self, from: request)
            var reader = FieldReader()
            let status: TicketStatus? = reader.choice(input.status, "status", required: true)
            try reader.check()
            return try await tickets.changeStatus(id, to: status!, note: input.note, actor: actor, expectedVersion: version)
        }
        action("priority", on: group) { id, actor, version, request in
            let input = try await body.decode(PriorityRequest.self, from: request)
            var reader = FieldReader()
            let priority: Priority? = reader.choice(input.priority, "priority", required: true)
            try reader.check()
            return try await tickets.changePriority(id, to: priority!, actor: actor, expectedVersion: version)
        }
        action("escalate", on: group) { id, actor, version, request in
            let input = try await body.decode(EscalateRequest.self, from: request)
            var reader = FieldReader()
            let agent: UserID? = reader.id(input.toAgentId, "toAgentId")
            let department: DepartmentID? = reader.id(input.toDepartmentId, "toDepartmentId")
            try reader.check()
            return try await tickets.escalate(id, toAgent: agent, toDepartment: department, reason: input.reason, actor: actor, expectedVersion: version)
        }
        action("resolve", on: group) { id, actor, version, request in
            let input = try await body.decode(ResolveRequest.self, from: request)
            var reader = FieldReader()
            let kind: Resolution.Kind? = reader.choice(input.resolutionType, "resolutionType", required: true)
            try reader.check()
            return try await tickets.resolve(id, kind: kind!, summary: input.summary, notes: input.notes, actor: actor, expectedVersion: version)
        }
        action("close", on: group) { id, actor, version, _ in
            try await tickets.close(id, actor: actor, expectedVersion: version)
        }
        action("reopen", on: group) { id, actor, version, request in
            let input = try await body.decode(ReopenRequest.self, from: request)
            return try await tickets.reopen(id, reason: input.reason, actor: actor, expectedVersion: version)
        }
        action("rate", on: group) { id, actor, _, request in
            let input = try await body.decode(RateRequest.self, from: request)
            return try await tickets.rate(id, input.input, actor: actor)
        }
    }

    /// `POST /tickets/{id}/<verb>` answering the changed ticket.
    private func action(_ verb: String, on group: RouterGroup<APIRequestContext>, _ perform: @escaping Action) {
        group.post("tickets/{id}/\(verb)") { request, context in
            let identity = try context.requireIdentity()
            let id: TicketID = try RouteSupport.id("id", context)
            let version = try EntityTag.expectedVersion(request)
            let ticket = try await perform(id, identity.actor, version, request)
            return try await RouteSupport.ticket(ticket, for: identity, deps: deps)
        }
    }
}
