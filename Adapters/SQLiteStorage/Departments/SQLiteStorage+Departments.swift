import Domain
import GRDB

extension SQLiteStorage {
    public func department(id: DepartmentID, in organization: OrganizationID) async throws -> Department? {
        try await read { db in
            try db.row(sql: "\(DepartmentRow.selectSQL) WHERE id = ? AND organization_id = ?",
                             arguments: [id.description, organization.description])
                .map(DepartmentRow.department(from:))
        }
    }

    public func departments(in organization: OrganizationID) async throws -> [Department] {
        try await read { db in
            try db.rows(sql: "\(DepartmentRow.selectSQL) WHERE organization_id = ? ORDER BY name, id",
                             arguments: [organization.description])
                .map(DepartmentRow.department(from:))
        }
    }
}
