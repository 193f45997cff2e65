import Domain
import GRDB

/// A row of `users`, mapped to and from `User`.
struct UserRow {
    static let selectSQL = """
        SELECT id, organization_id, email, name, phone, role, password_hash, is_active, created_at, updated_at, version
        FROM users
        """

    var arguments: StatementArguments

    init(_ user: User) {
        arguments = [
            "id": user.id.description,
            "organization_id": user.organizationID.description,
            "email": user.email.value,
            "name": user.name,
            "phone": user.phone,
            "role": user.role.rawValue,
            "password_hash": user.passwordHash,
            "is_active": user.isActive,
            "created_at": user.createdAt.millisecondsSince1970,
            "updated_at": user.updatedAt.millisecondsSince1970,
            "version": user.version,
        ]
    }

    func insert(_ db: Database) throws {
        try db.run(
            sql: """
                INSERT INTO users (id, organization_id, email, name, phone, role, password_hash, is_active, created_at, updated_at, version)
                VALUES (:id, :organization_id, :email, :name, :phone, :role, :password_hash, :is_active, :created_at, :updated_at, :version)
                """,
            arguments: arguments)
    }

    /// Applies the update if the stored version is `expectedVersion`; reports how many rows changed.
    func update(_ db: Database, expectedVersion: Int) throws -> Bool {
        try db.run(
            sql: """
                UPDATE users SET email = :email, name = :name, phone = :phone, role = :role,
                    password_hash = :password_hash, is_active = :is_active, updated_at = :updated_at, version = :version
                WHERE id = :id AND organization_id = :organization_id AND version = :expected_version
                """,
            arguments: arguments + ["expected_version": expectedVersion])
        return db.changesCount > 0
    }

    static func user(from row: Row) throws -> User {
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
