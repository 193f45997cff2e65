import Domain
import PostgresNIO

/// A row of `users`, mapped to and from `User`.
enum UserRow {
    static let selectSQL = """
        SELECT id, organization_id, email, name, phone, role, password_hash, is_active, created_at, updated_at, version
        FROM users
        """

    /// Inserts the user if its organization exists; reports whether it did.
    static func insert(_ transaction: Transaction, _ user: User) async throws -> Bool {
        try await transaction.affectsRow("""
            INSERT INTO users (id, organization_id, email, name, phone, role, password_hash, is_active, created_at, updated_at, version)
            SELECT \(user.id.uuid), id, \(user.email.value), \(user.name), \(user.phone), \(user.role.rawValue), \(user.passwordHash),
                \(user.isActive), \(Timestamp(user.createdAt)), \(Timestamp(user.updatedAt)), \(user.version)
            FROM organizations WHERE id = \(user.organizationID.uuid)
            RETURNING 1
            """)
    }

    /// Applies the update if the stored version is `expectedVersion`; reports whether a row changed.
    static func update(_ transaction: Transaction, _ user: User, expectedVersion: Int) async throws -> Bool {
        try await transaction.affectsRow("""
            UPDATE users SET email = \(user.email.value), name = \(user.name), phone = \(user.phone), role = \(user.role.rawValue),
                password_hash = \(user.passwordHash), is_active = \(user.isActive), updated_at = \(Timestamp(user.updatedAt)),
                version = \(user.version)
            WHERE id = \(user.id.uuid) AND organization_id = \(user.organizationID.uuid) AND version = \(expectedVersion)
            RETURNING 1
            """)
    }

    static func user(from row: RowReader) throws -> User {
        let rawEmail = try row.text("email")
        guard let email = EmailAddress(rawEmail) else { throw CorruptRow(reason: "users.email holds \(rawEmail)") }
        return User(
            id: try row.id("id"),
            organizationID: try row.id("organization_id"),
            email: email,
            name: try row.text("name"),
            phone: try row.optionalText("phone"),
            role: try row.enumeration("role"),
            passwordHash: try row.text("password_hash"),
            isActive: try row.bool("is_active"),
            createdAt: try row.date("created_at"),
            updatedAt: try row.date("updated_at"),
            version: try row.integer("version"))
    }
}
