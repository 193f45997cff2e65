import Bootstrap
import Foundation

/// The limits of the WebSocket endpoint (SPEC §7, §15), with production defaults; tests tighten them.
struct RealtimeOptions: Sendable {
    /// Frames queued for one connection before it counts as a slow consumer and is closed (code 1013);
    /// the client reconnects and catches up with `after`.
    var sendBufferFrames = 256
    /// Transport events handed to one connection and not yet handled before it counts as a slow consumer and is
    /// closed (code 1013), like `sendBufferFrames` one step earlier.
    var eventBacklog = 512
    /// The largest client message accepted, in bytes; a larger one closes the connection (code 1009).
    var maximumMessageBytes = 4 * 1024
    /// How often the server pings; a client that has not answered the previous ping by the next one is closed.
    var heartbeat: Duration = .seconds(30)
    /// A connection that sent nothing (not even `{"type":"ping"}`) for this long is closed (code 1000).
    var idleTimeout: Duration = .seconds(300)
    /// How often the connection re-reads its user, so that a deactivated user or changed role is cut off and
    /// changed departments re-check the rooms followed (a safety net: membership changes are also announced by an event).
    var revalidationInterval: Duration = .seconds(30)
    /// Open connections per user on one API process; one more is refused with 429.
    var maximumConnectionsPerUser = 10
    /// How long a ticket from `POST /api/v1/realtime/tickets` stays redeemable (once).
    var ticketLifetime: TimeInterval = 30
}

extension RealtimeOptions {
    /// The limits an operator configured (`SWITCHBOARD_REALTIME_*`); the revalidation interval and
    /// ticket lifetime stay fixed.
    init(_ settings: RealtimeSettings) {
        sendBufferFrames = settings.sendBufferFrames
        maximumMessageBytes = settings.maximumMessageBytes
        heartbeat = .seconds(settings.heartbeatSeconds)
        idleTimeout = .seconds(settings.idleSeconds)
        maximumConnectionsPerUser = settings.connectionsPerUser
    }
}
