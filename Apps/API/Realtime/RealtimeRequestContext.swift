import Domain
import Hummingbird
import HummingbirdWebSocket
import Logging
import NIOCore

/// The context of a WebSocket upgrade request on the real-time router.
struct RealtimeRequestContext: RequestContext, WebSocketRequestContext {
    var coreContext: CoreRequestContextStorage
    let webSocket: WebSocketHandlerReference<RealtimeRequestContext>
    /// Set by `RealtimeRoutes` once the request authenticated, for the connection to use.
    var grant: RealtimeTickets.Grant?

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        webSocket = .init()
    }
}
