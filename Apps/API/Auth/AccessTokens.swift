import Domain
import Foundation
import JWTKit

/// Short-lived access tokens: HS256 JWTs signed with the configured secret, naming the user, their
/// organization and role. They are stateless; each request still rebuilds the actor from storage, so a
/// deactivated user loses access at once and a changed role takes effect at once.
struct AccessTokens: Sendable {
    private let keys: JWTKeyCollection
    private let clock: any WallClock
    let lifetime: TimeInterval

    init(secret: String, clock: any WallClock, lifetime: TimeInterval) async {
        keys = JWTKeyCollection()
        await keys.add(hmac: HMACKey(from: secret), digestAlgorithm: .sha256)
        self.clock = clock
        self.lifetime = lifetime
    }

    /// A signed token for `user`, valid for `lifetime` from now.
    func issue(for user: User) async throws -> String {
        let now = clock.now()
        let claims = AccessTokenClaims(
            subject: SubjectClaim(value: user.id.description), organization: user.organizationID.description,
            role: user.role.rawValue, issuedAt: IssuedAtClaim(value: now), expiration: ExpirationClaim(value: now.addingTimeInterval(lifetime))
        )
        return try await keys.sign(claims)
    }

    /// The user and organization a bearer token names, when its signature is ours and it has not expired.
    func verify(_ token: String) async throws(DomainError) -> (user: UserID, organization: OrganizationID) {
        let verified = try await verifyWithExpiry(token)
        return (verified.user, verified.organization)
    }

    /// `verify`, also telling when the token expires (a real-time connection ends then).
    func verifyWithExpiry(_ token: String) async throws(DomainError) -> (user: UserID, organization: OrganizationID, expiresAt: Date) {
        let claims: AccessTokenClaims
        do {
            claims = try await keys.verify(token, as: AccessTokenClaims.self)
        } catch {
            throw .unauthenticated(reason: "the access token is invalid")
        }
        // Expiry is checked against the injected clock rather than inside JWTKit, which reads the wall clock.
        guard claims.expiration.value > clock.now() else { throw .unauthenticated(reason: "the access token has expired") }
        guard let user = UserID(claims.subject.value), let organization = OrganizationID(claims.organization) else {
            throw .unauthenticated(reason: "the access token is invalid")
        }
        return (user, organization, claims.expiration.value)
    }
}

/// What an access token carries.
struct AccessTokenClaims: JWTPayload, Equatable {
    let subject: SubjectClaim
    let organization: String
    let role: String
    let issuedAt: IssuedAtClaim
    let expiration: ExpirationClaim

    enum CodingKeys: String, CodingKey {
        case subject = "sub"
        case organization = "org"
        case role
        case issuedAt = "iat"
        case expiration = "exp"
    }

    /// The signature is verified by JWTKit; expiry by `AccessTokens` against the injected clock.
    func verify(using algorithm: some JWTAlgorithm) async throws {}
}
