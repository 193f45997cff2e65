import Domain
import PostgresNIO

extension PostgresStorage {
    public func organization(id: OrganizationID) async throws -> Organization? {
        try await readOne("\(unescaped: OrganizationRow.selectSQL) WHERE id = \(id.uuid)", OrganizationRow.organization(from:))
    }

    public func organization(slug: String) async throws -> Organization? {
        try await readOne("\(unescaped: OrganizationRow.selectSQL) WHERE slug = \(slug)", OrganizationRow.organization(from:))
    }

    public func organizations() async throws -> [Organization] {
        try await read("\(unescaped: OrganizationRow.selectSQL) ORDER BY id", OrganizationRow.organization(from:))
    }
}
