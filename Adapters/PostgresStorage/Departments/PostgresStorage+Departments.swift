import Domain
import PostgresNIO

extension PostgresStorage {
    public func department(id: DepartmentID, in organization: OrganizationID) async throws -> Department? {
        try await readOne(
            "\(unescaped: DepartmentRow.selectSQL) WHERE id = \(id.uuid) AND organization_id = \(organization.uuid)",
            DepartmentRow.department(from:))
    }

    public func departments(in organization: OrganizationID) async throws -> [Department] {
        try await read(
            "\(unescaped: DepartmentRow.selectSQL) WHERE organization_id = \(organization.uuid) ORDER BY name, id",
            DepartmentRow.department(from:))
    }
}
