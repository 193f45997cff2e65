import Domain
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdWebSocket
import Logging
import NIOWebSocket

/// `GET /api/v1/realtime` (the WebSocket, SPEC §7) and `POST /api/v1/realtime/tickets` (single-use
/// tickets for browsers). The upgrade is authenticated with `Authorization: Bearer` or `?ticket=`;
/// a request that is not upgraded reaches the HTTP router, which answers why (401, 429 or 426).
struct RealtimeRoutes: Sendable {
    let deps: Dependencies
    let tokens: AccessTokens
    let options: RealtimeOptions
    let tickets: RealtimeTickets
    let connections: RealtimeConnections
    let frames = RealtimeFrameCache()
    let hub: RealtimeHub

    init(deps: Dependencies, tokens: AccessTokens, options: RealtimeOptions) {
        self.deps = deps
        self.tokens = tokens
        self.options = options
        tickets = RealtimeTickets(clock: deps.clock, secrets: deps.secrets, lifetime: options.ticketLifetime)
        connections = RealtimeConnections(maximumPerUser: options.maximumConnectionsPerUser)
        hub = RealtimeHub(transport: deps.transport, backlog: options.eventBacklog)
    }

    /// The WebSocket server's settings: frames no larger than a client message may be, and the heartbeat.
    var webSocketConfiguration: WebSocketServerConfiguration {
        WebSocketServerConfiguration(maxFrameSize: max(options.maximumMessageBytes, 1024), autoPing: .enabled(timePeriod: options.heartbeat))
    }

    /// The upgrade route, on the router the WebSocket server consults.
    func registerWebSocket(on router: Router<RealtimeRequestContext>) {
        router.ws("api/v1/realtime") { _, context in
            // `RealtimeAuthentication` ran before: no grant means no upgrade (the HTTP route then says why).
            guard let grant = context.grant, await connections.hasRoom(for: grant.userID) else { return .dontUpgrade }
            return .upgrade([:])
        } onUpgrade: { inbound, outbound, context in
            guard let grant = context.requestContext.grant else { return }
            let actor: Actor
            do {
                actor = try await UserUseCases(deps).actor(for: grant.userID, in: grant.organizationID)
            } catch {
                try? await outbound.close(.unknown(4001), reason: "access was revoked")
                return
            }
            guard await connections.reserve(actor.userID) else {
                try? await outbound.close(.unknown(4029), reason: "too many connections")
                return
            }
            var logger = context.logger
            logger[metadataKey: "user.id"] = .string(actor.userID.description)
            let session = RealtimeSession(actor: actor, tokenExpiresAt: grant.tokenExpiresAt, deps: deps, options: options, hub: hub, eventFrames: frames, logger: logger)
            do {
                try await session.run(inbound: inbound, outbound: outbound)
            } catch {
                await connections.release(actor.userID)
                throw error
            }
            await connections.release(actor.userID)
        }
    }

    /// Authenticates upgrade requests before the route runs, so that the connection knows its user.
    var authentication: some RouterMiddleware<RealtimeRequestContext> {
        RealtimeAuthentication(routes: self)
    }

    /// The HTTP side: ticket issuing, and the answer to a `GET` that was not upgraded.
    func registerHTTP(on signedIn: RouterGroup<APIRequestContext>) {
        signedIn.post("realtime/tickets") { request, context -> Response in
            let identity = try context.requireIdentity()
            let verified = try await tokens.verifyWithExpiry(try AuthenticationMiddleware.bearerToken(request))
            let issued = await tickets.issue(.init(
                userID: identity.actor.userID, organizationID: identity.actor.organizationID, tokenExpiresAt: verified.expiresAt))
            return try JSONCoding.response(RealtimeTicketResponse(ticket: issued.ticket, expiresAt: WireTime.string(issued.expiresAt)), status: .created)
        }
        signedIn.get("realtime") { _, context -> Response in
            let identity = try context.requireIdentity()
            guard await connections.hasRoom(for: identity.actor.userID) else {
                throw APIError.tooManyConnections(limit: options.maximumConnectionsPerUser)
            }
            throw APIError.upgradeRequired
        }
    }

    /// The user a WebSocket upgrade request names: a `?ticket=` (used up here) or a bearer token.
    func authenticate(_ request: Request) async throws(DomainError) -> RealtimeTickets.Grant {
        if let ticket = request.uri.queryParameters["ticket"].map(String.init) {
            guard let grant = await tickets.redeem(ticket) else { throw .unauthenticated(reason: "the ticket is unknown, used or expired") }
            return grant
        }
        let verified = try await tokens.verifyWithExpiry(try AuthenticationMiddleware.bearerToken(request))
        return .init(userID: verified.user, organizationID: verified.organization, tokenExpiresAt: verified.expiresAt)
    }
}

/// Sets `RealtimeRequestContext.grant` from the request's credentials; an unauthenticated request is not upgraded.
struct RealtimeAuthentication: RouterMiddleware {
    typealias Context = RealtimeRequestContext
    let routes: RealtimeRoutes

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        context.grant = try await routes.authenticate(request)
        return try await next(request, context)
    }
}

/// `POST /api/v1/realtime/tickets`'s answer.
struct RealtimeTicketResponse: Encodable {
    let ticket: String
    let expiresAt: String
}
