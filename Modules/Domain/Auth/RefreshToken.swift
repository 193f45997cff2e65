import Foundation

/// One refresh token of a login session. Only a digest of the secret is stored; the client holds the
/// secret. Tokens rotate: each refresh consumes the presented token and issues the next one in the same
/// family, so a consumed token presented again reveals theft and revokes the whole family.
public struct RefreshToken: Sendable, Equatable {
    public let id: RefreshTokenID
    public let organizationID: OrganizationID
    public let userID: UserID
    /// Every rotation of one login shares the family id.
    public let familyID: UUID
    /// `SecretGenerator.digest(secret)`; unique.
    public let digest: String
    public let issuedAt: Date
    public let expiresAt: Date
    /// When it was exchanged for its successor.
    public var consumedAt: Date?
    /// When its family was revoked (logout, reuse detected).
    public var revokedAt: Date?

    public init(
        id: RefreshTokenID, organizationID: OrganizationID, userID: UserID, familyID: UUID, digest: String,
        issuedAt: Date, expiresAt: Date, consumedAt: Date? = nil, revokedAt: Date? = nil
    ) {
        self.id = id
        self.organizationID = organizationID
        self.userID = userID
        self.familyID = familyID
        self.digest = digest
        self.issuedAt = issuedAt
        self.expiresAt = expiresAt
        self.consumedAt = consumedAt
        self.revokedAt = revokedAt
    }
}

public typealias RefreshTokenID = Identifier<RefreshToken>
