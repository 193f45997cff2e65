import Foundation

/// Login sessions: password login, refresh-token rotation with reuse detection, and logout.
/// Access tokens are short-lived and stateless (signed by the API); refresh tokens are stored as digests.
public struct SessionUseCases: Sendable {
    let deps: Dependencies
    /// How long a refresh token may be exchanged.
    public let refreshLifetime: TimeInterval

    public static let defaultRefreshLifetime: TimeInterval = 30 * 24 * 3600

    public init(_ deps: Dependencies, refreshLifetime: TimeInterval = SessionUseCases.defaultRefreshLifetime) {
        self.deps = deps
        self.refreshLifetime = refreshLifetime
    }

    /// A signed-in user and the refresh secret the client keeps.
    public struct Session: Sendable, Equatable {
        public let user: User
        public let refreshSecret: String
        public let refreshExpiresAt: Date
    }

    /// Signs in with email and password (see `UserUseCases.authenticate`) and starts a token family.
    public func login(email: String, password: String, organization: String? = nil) async throws(DomainError) -> Session {
        let user = try await UserUseCases(deps).authenticate(email: email, password: password, organization: organization)
        return try await issue(for: user, family: UUID(), consuming: nil)
    }

    /// Exchanges a refresh secret for a new one. Presenting a consumed or revoked secret again means it
    /// leaked: the whole family is revoked and the caller must log in anew.
    public func refresh(_ secret: String) async throws(DomainError) -> Session {
        let denied = DomainError.unauthenticated(reason: "invalid or expired refresh token")
        let now = deps.clock.now()
        let found = try await deps.read { try await $0.refreshToken(digest: deps.secrets.digest(secret)) }
        guard let token = found else { throw denied }
        if token.consumedAt != nil || token.revokedAt != nil {
            _ = try await deps.commit(UnitOfWork([.revokeRefreshTokenFamily(token.familyID, organizationID: token.organizationID, at: now)]))
            throw .unauthenticated(reason: "refresh token reuse detected; every session of this login was revoked")
        }
        guard token.expiresAt > now else { throw denied }
        let user = try await deps.read { try await $0.user(id: token.userID, in: token.organizationID) }
        guard let user, user.isActive else { throw denied }
        do {
            return try await issue(for: user, family: token.familyID, consuming: token)
        } catch .conflict {
            // A concurrent refresh consumed it first: that is a reuse too.
            _ = try await deps.commit(UnitOfWork([.revokeRefreshTokenFamily(token.familyID, organizationID: token.organizationID, at: now)]))
            throw .unauthenticated(reason: "refresh token reuse detected; every session of this login was revoked")
        }
    }

    /// Revokes the family of the presented secret. Unknown secrets are ignored (logout is idempotent).
    public func logout(_ secret: String) async throws(DomainError) {
        let found = try await deps.read { try await $0.refreshToken(digest: deps.secrets.digest(secret)) }
        guard let token = found else { return }
        _ = try await deps.commit(UnitOfWork([.revokeRefreshTokenFamily(token.familyID, organizationID: token.organizationID, at: deps.clock.now())]))
    }

    private func issue(for user: User, family: UUID, consuming previous: RefreshToken?) async throws(DomainError) -> Session {
        let now = deps.clock.now()
        let secret = deps.secrets.makeSecret()
        let token = RefreshToken(
            id: deps.ids.make(), organizationID: user.organizationID, userID: user.id, familyID: family,
            digest: deps.secrets.digest(secret), issuedAt: now, expiresAt: now.addingTimeInterval(refreshLifetime)
        )
        var unit = UnitOfWork()
        if let previous { unit.append(.consumeRefreshToken(previous.id, organizationID: previous.organizationID, at: now)) }
        unit.append(.insertRefreshToken(token))
        _ = try await deps.commit(unit)
        return Session(user: user, refreshSecret: secret, refreshExpiresAt: token.expiresAt)
    }
}
