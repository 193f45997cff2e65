import Domain
import Foundation
import GRDB

/// A row of `refresh_tokens`, mapped to and from `RefreshToken`, and the statements that change one.
enum RefreshTokenRow {
    static let selectSQL = """
        SELECT id, organization_id, user_id, family_id, digest, issued_at, expires_at, consumed_at, revoked_at
        FROM refresh_tokens
        """

    /// A second token with the same digest violates `refresh_tokens_digest`: `.duplicate(.refreshTokenDigest)`.
    static func insert(_ db: Database, _ token: RefreshToken) throws {
        try db.run(
            sql: """
                INSERT INTO refresh_tokens (id, organization_id, user_id, family_id, digest, issued_at, expires_at, consumed_at, revoked_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                token.id.description, token.organizationID.description, token.userID.description,
                token.familyID.uuidString.lowercased(), token.digest, token.issuedAt.millisecondsSince1970,
                token.expiresAt.millisecondsSince1970, token.consumedAt?.millisecondsSince1970, token.revokedAt?.millisecondsSince1970,
            ])
    }

    /// Marks the token consumed if it is neither consumed nor revoked; reports whether it did. The
    /// condition is part of the UPDATE, so of two commits consuming one token only the first changes it.
    static func consume(_ db: Database, id: RefreshTokenID, organization: OrganizationID, at: Date) throws -> Bool {
        try db.run(
            sql: """
                UPDATE refresh_tokens SET consumed_at = ?
                WHERE id = ? AND organization_id = ? AND consumed_at IS NULL AND revoked_at IS NULL
                """,
            arguments: [at.millisecondsSince1970, id.description, organization.description])
        return db.changesCount > 0
    }

    /// Revokes the family's tokens that are not revoked yet; earlier revocations keep their time.
    static func revokeFamily(_ db: Database, family: UUID, organization: OrganizationID, at: Date) throws {
        try db.run(
            sql: "UPDATE refresh_tokens SET revoked_at = ? WHERE organization_id = ? AND family_id = ? AND revoked_at IS NULL",
            arguments: [at.millisecondsSince1970, organization.description, family.uuidString.lowercased()])
    }

    static func token(from row: Row) throws -> RefreshToken {
        RefreshToken(
            id: try row.id("id"),
            organizationID: try row.id("organization_id"),
            userID: try row.id("user_id"),
            familyID: try row.uuid("family_id"),
            digest: try row.text("digest"),
            issuedAt: try row.date("issued_at"),
            expiresAt: try row.date("expires_at"),
            consumedAt: try row.optionalDate("consumed_at"),
            revokedAt: try row.optionalDate("revoked_at"))
    }
}
