import Domain
import Foundation

/// Single-use, short-lived tickets that let a browser (which cannot set `Authorization` on a WebSocket)
/// open the real-time connection with `?ticket=`. Kept in the process that issued them: a client
/// redeems its ticket on the same API endpoint that issued it (a load balancer keeps it sticky, or the
/// client uses the bearer header).
actor RealtimeTickets {
    /// Whom a ticket authenticates, and until when their access token was valid.
    struct Grant: Sendable, Equatable {
        let userID: UserID
        let organizationID: OrganizationID
        let tokenExpiresAt: Date
    }

    private var grants: [String: (grant: Grant, expiresAt: Date)] = [:]
    private let clock: any WallClock
    private let secrets: any SecretGenerator
    private let lifetime: TimeInterval

    init(clock: any WallClock, secrets: any SecretGenerator, lifetime: TimeInterval) {
        self.clock = clock
        self.secrets = secrets
        self.lifetime = lifetime
    }

    /// A new ticket for `grant`; expired ones are forgotten on the way.
    func issue(_ grant: Grant) -> (ticket: String, expiresAt: Date) {
        let now = clock.now()
        grants = grants.filter { $0.value.expiresAt > now }
        let ticket = secrets.makeSecret()
        let expiresAt = min(now.addingTimeInterval(lifetime), grant.tokenExpiresAt)
        grants[ticket] = (grant, expiresAt)
        return (ticket, expiresAt)
    }

    /// The grant of an unexpired ticket, which is used up; nil for an unknown, used or expired one.
    func redeem(_ ticket: String) -> Grant? {
        guard let entry = grants.removeValue(forKey: ticket), entry.expiresAt > clock.now() else { return nil }
        return entry.grant
    }
}
