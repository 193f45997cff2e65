import Domain
import PostgresNIO

extension PostgresStorage {
    public func user(id: UserID, in organization: OrganizationID) async throws -> User? {
        try await readOne("\(unescaped: UserRow.selectSQL) WHERE id = \(id.uuid) AND organization_id = \(organization.uuid)", UserRow.user(from:))
    }

    public func user(email: EmailAddress, in organization: OrganizationID) async throws -> User? {
        try await readOne("\(unescaped: UserRow.selectSQL) WHERE organization_id = \(organization.uuid) AND email = \(email.value)", UserRow.user(from:))
    }

    public func users(email: EmailAddress) async throws -> [User] {
        try await read("\(unescaped: UserRow.selectSQL) WHERE email = \(email.value) ORDER BY organization_id, id", UserRow.user(from:))
    }

    public func users(in organization: OrganizationID, role: Role?) async throws -> [User] {
        if let role {
            try await read("\(unescaped: UserRow.selectSQL) WHERE organization_id = \(organization.uuid) AND role = \(role.rawValue) ORDER BY id", UserRow.user(from:))
        } else {
            try await read("\(unescaped: UserRow.selectSQL) WHERE organization_id = \(organization.uuid) ORDER BY id", UserRow.user(from:))
        }
    }
}
