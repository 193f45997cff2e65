import Domain
import HTTPTypes
import Hummingbird

/// Listing, opening, reading and editing tickets (SPEC §16 `/tickets`).
struct TicketRoutes: Sendable {
    let deps: Dependencies
    let body: JSONBody

    static let idempotencyKeyHeader = HTTPField.Name("Idempotency-Key")!

    func register(on group: RouterGroup<APIRequestContext>) {
        group.get("tickets") { request, context in
            let identity = try context.requireIdentity()
            let query = try TicketListQuery(request.uri.queryParameters, actor: identity.actor)
            let page = try await TicketUseCases(deps).list(actor: identity.actor, filter: query.filter, sort: query.sort, cursor: query.cursor, limit: query.limit)
            return try JSONCoding.response(ListResponse(
                items: try await RouteSupport.ticketBodies(page.items, for: identity, deps: deps), nextCursor: page.nextCursor?.encoded
            ))
        }
        group.post("tickets") { request, context in
            let identity = try context.requireIdentity()
            let input = try await body.decode(CreateTicketRequest.self, from: request).newTicket()
            let key = request.headers[Self.idempotencyKeyHeader]
            let ticket = try await TicketUseCases(deps).create(input, actor: identity.actor, idempotencyKey: key)
            return try await RouteSupport.ticket(ticket, for: identity, deps: deps, status: .created, headers: [.location: "/api/v1/tickets/\(ticket.id)"])
        }
        group.get("tickets/{id}") { _, context in
            let identity = try context.requireIdentity()
            let ticket = try await TicketUseCases(deps).ticket(try RouteSupport.id("id", context), actor: identity.actor)
            return try await RouteSupport.ticket(ticket, for: identity, deps: deps)
        }
        group.patch("tickets/{id}") { request, context in
            let identity = try context.requireIdentity()
            let id: TicketID = try RouteSupport.id("id", context)
            let version = try EntityTag.expectedVersion(request)
            let patch = try await body.decode(PatchTicketRequest.self, from: request).patch()
            let ticket = try await TicketUseCases(deps).update(id, patch, actor: identity.actor, expectedVersion: version)
            return try await RouteSupport.ticket(ticket, for: identity, deps: deps)
        }
    }
}
