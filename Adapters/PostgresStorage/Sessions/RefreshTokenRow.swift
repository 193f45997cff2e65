import Domain
import Foundation
import PostgresNIO

/// A row of `refresh_tokens`, mapped to and from `RefreshToken`.
enum RefreshTokenRow {
    static let selectSQL = """
        SELECT id, organization_id, user_id, family_id, digest, issued_at, expires_at, consumed_at, revoked_at FROM refresh_tokens
        """

    /// Inserts the token if its user exists in its organization; reports whether it did.
    static func insert(_ transaction: Transaction, _ token: RefreshToken) async throws -> Bool {
        try await transaction.affectsRow("""
            INSERT INTO refresh_tokens (id, organization_id, user_id, family_id, digest, issued_at, expires_at, consumed_at, revoked_at)
            SELECT \(token.id.uuid), organization_id, id, \(token.familyID), \(token.digest), \(Timestamp(token.issuedAt)),
                \(Timestamp(token.expiresAt)), \(token.consumedAt.map(Timestamp.init)), \(token.revokedAt.map(Timestamp.init))
            FROM users WHERE id = \(token.userID.uuid) AND organization_id = \(token.organizationID.uuid)
            RETURNING 1
            """)
    }

    /// Marks the token consumed if it is neither consumed nor revoked; reports whether it was.
    /// The row lock of the UPDATE makes two concurrent consumers of one token see each other.
    static func consume(_ transaction: Transaction, _ id: RefreshTokenID, organization: OrganizationID, at: Date) async throws -> Bool {
        try await transaction.affectsRow("""
            UPDATE refresh_tokens SET consumed_at = \(Timestamp(at))
            WHERE id = \(id.uuid) AND organization_id = \(organization.uuid) AND consumed_at IS NULL AND revoked_at IS NULL
            RETURNING 1
            """)
    }

    static func revokeFamily(_ transaction: Transaction, _ family: UUID, organization: OrganizationID, at: Date) async throws {
        try await transaction.execute("""
            UPDATE refresh_tokens SET revoked_at = \(Timestamp(at))
            WHERE family_id = \(family) AND organization_id = \(organization.uuid) AND revoked_at IS NULL
            """)
    }

    static func token(from row: RowReader) throws -> RefreshToken {
        RefreshToken(
            id: try row.id("id"),
            organizationID: try row.id("organization_id"),
            userID: try row.id("user_id"),
            familyID: try row.value("family_id", as: UUID.self),
            digest: try row.text("digest"),
            issuedAt: try row.date("issued_at"),
            expiresAt: try row.date("expires_at"),
            consumedAt: try row.optionalDate("consumed_at"),
            revokedAt: try row.optionalDate("revoked_at"))
    }
}
