import Domain
import GRDB

extension SQLiteStorage {
    public func user(id: UserID, in organization: OrganizationID) async throws -> User? {
        try await read { db in
            try db.row(sql: "\(UserRow.selectSQL) WHERE id = ? AND organization_id = ?",
                             arguments: [id.description, organization.description])
                .map(UserRow.user(from:))
        }
    }

    public func user(email: EmailAddress, in organization: OrganizationID) async throws -> User? {
        try await read { db in
            try db.row(sql: "\(UserRow.selectSQL) WHERE organization_id = ? AND email = ?",
                             arguments: [organization.description, email.value])
                .map(UserRow.user(from:))
        }
    }

    public func users(email: EmailAddress) async throws -> [User] {
        try await read { db in
            try db.rows(sql: "\(UserRow.selectSQL) WHERE email = ? ORDER BY organization_id, id", arguments: [email.value])
                .map(UserRow.user(from:))
        }
    }

    public func users(in organization: OrganizationID, role: Role?) async throws -> [User] {
        try await read { db in
            if let role {
                try db.rows(sql: "\(UserRow.selectSQL) WHERE organization_id = ? AND role = ? ORDER BY id",
                                 arguments: [organization.description, role.rawValue])
                    .map(UserRow.user(from:))
            } else {
                try db.rows(sql: "\(UserRow.selectSQL) WHERE organization_id = ? ORDER BY id",
                                 arguments: [organization.description])
                    .map(UserRow.user(from:))
            }
        }
    }
}
