import Domain
import HTTPTypes
import Hummingbird

/// Small helpers every route group shares: path ids, and ticket responses shaped for the caller.
enum RouteSupport {
    /// The `{name}` path parameter as an id; 400 naming it when it is not one.
    static func id<Entity>(_ name: String, _ context: APIRequestContext) throws(APIError) -> Identifier<Entity> {
        guard let text = context.parameters.get(name), let id = Identifier<Entity>(text) else {
            throw .badParameter(name, "is not an id")
        }
        return id
    }

    /// A ticket as the caller may see it, with its SLA as of now and its version as `ETag`.
    static func ticket(
        _ ticket: Ticket, for identity: Identity, deps: Dependencies, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]
    ) async throws -> Response {
        var headers = headers
        headers[.eTag] = EntityTag.header(for: ticket.version)
        return try JSONCoding.response(try await ticketBodies([ticket], for: identity, deps: deps)[0], status: status, headers: headers)
    }

    /// Tickets as the caller may see them, each with its SLA as of now (§6: every ticket read has it).
    static func ticketBodies(_ tickets: [Ticket], for identity: Identity, deps: Dependencies) async throws -> [TicketResponse] {
        let statuses = try await SLAStatusUseCases(deps).statuses(for: tickets)
        return tickets.map {
            TicketResponse(
                $0, prefix: identity.organization.settings.ticketPrefix, showsInternal: AccessPolicy.seesInternal(identity.actor),
                sla: statuses[$0.id]
            )
        }
    }
}
