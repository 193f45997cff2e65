import Domain
import GRDB

extension SQLiteStorage {
    public func organization(id: OrganizationID) async throws -> Organization? {
        try await read { db in
            try db.row(sql: "\(OrganizationRow.selectSQL) WHERE id = ?", arguments: [id.description])
                .map(OrganizationRow.organization(from:))
        }
    }

    public func organization(slug: String) async throws -> Organization? {
        try await read { db in
            try db.row(sql: "\(OrganizationRow.selectSQL) WHERE slug = ?", arguments: [slug])
                .map(OrganizationRow.organization(from:))
        }
    }

    public func organizations() async throws -> [Organization] {
        try await read { db in
            try db.rows(sql: "\(OrganizationRow.selectSQL) ORDER BY id").map(OrganizationRow.organization(from:))
        }
    }
}
