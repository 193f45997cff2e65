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

    /// A ticket as the caller may see it, with its version as `ETag`.
    static func ticket(_ ticket: Ticket, for identity: Identity, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) throws -> Response {
        var headers = headers
        headers[.eTag] = EntityTag.header(for: ticket.version)
        return try JSONCoding.response(ticketBody(ticket, for: identity), status: status, headers: headers)
    }

    static func ticketBody(_ ticket: Ticket, for identity: Identity) -> TicketResponse {
        TicketResponse(ticket, prefix: identity.organization.settings.ticketPrefix, showsInternal: AccessPolicy.seesInternal(identity.actor))
    }
}
