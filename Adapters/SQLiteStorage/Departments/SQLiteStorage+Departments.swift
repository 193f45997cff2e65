import Domain
import GRDB

extension SQLiteStorage {
    public func department(id: DepartmentID, in organization: OrganizationID) async throws -> Department? {
        try await read { db in
            try Row.fetchOne(db, sql: "\(DepartmentRow.selectSQL) WHERE id = ? AND organization_id = ?",
                             arguments: [id.description, organization.description])
                .map(DepartmentRow.department(from:))
        }
    }

    public func departments(in organization: OrganizationID) async throws -> [Department] {
        try await read { db in
            try Row.fetchAll(db, sql: "\(DepartmentRow.selectSQL) WHERE organization_id = ? ORDER BY name, id",
                             arguments: [organization.description])
                .map(DepartmentRow.department(from:))
        }
    }
}
