import Domain
import Hummingbird
import Logging
import NIOCore

/// What travels with one request through the middleware to the handler.
struct APIRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    /// The peer's IP address, for per-address rate limits (`nil` when there is no socket, as in router tests).
    let remoteAddress: String?
    /// Echoed as `X-Request-Id` and logged as `request.id`; set by `ProblemMiddleware`.
    var requestID: String
    /// Set by `AuthenticationMiddleware` on the routes that need a signed-in user.
    var identity: Identity?

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress?.ipAddress
        requestID = ""
    }

    /// The signed-in user; throws `unauthenticated` on a route that forgot its middleware, never crashes.
    func requireIdentity() throws(DomainError) -> Identity {
        guard let identity else { throw .unauthenticated(reason: "sign in first") }
        return identity
    }
}

/// The acting user of a request and their organization (its ticket prefix shapes ticket numbers).
struct Identity: Sendable {
    let actor: Actor
    let organization: Organization
}
