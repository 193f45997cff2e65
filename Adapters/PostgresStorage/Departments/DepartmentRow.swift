import Domain
import PostgresNIO

/// A row of `departments`, mapped to and from `Department`.
enum DepartmentRow {
    static let selectSQL = """
        SELECT id, organization_id, name, description, tier, routing_strategy, offline_policy, created_at, updated_at, version
        FROM departments
        """

    /// Inserts the department if its organization exists; reports whether it did.
    static func insert(_ transaction: Transaction, _ department: Department) async throws -> Bool {
        try await transaction.affectsRow("""
            INSERT INTO departments (id, organization_id, name, description, tier, routing_strategy, offline_policy, created_at, updated_at,
                version)
            SELECT \(department.id.uuid), id, \(department.name), \(department.description), \(department.tier),
                \(department.routingStrategy.rawValue), \(department.offlinePolicy.rawValue), \(Timestamp(department.createdAt)), \(Timestamp(department.updatedAt)),
                \(department.version)
            FROM organizations WHERE id = \(department.organizationID.uuid)
            RETURNING 1
            """)
    }

    /// Applies the update if the stored version is `expectedVersion`; reports whether a row changed.
    static func update(_ transaction: Transaction, _ department: Department, expectedVersion: Int) async throws -> Bool {
        try await transaction.affectsRow("""
            UPDATE departments SET name = \(department.name), description = \(department.description), tier = \(department.tier),
                routing_strategy = \(department.routingStrategy.rawValue), offline_policy = \(department.offlinePolicy.rawValue),
                updated_at = \(Timestamp(department.updatedAt)),
                version = \(department.version)
            WHERE id = \(department.id.uuid) AND organization_id = \(department.organizationID.uuid) AND version = \(expectedVersion)
            RETURNING 1
            """)
    }

    static func department(from row: RowReader) throws -> Department {
        Department(
            id: try row.id("id"),
            organizationID: try row.id("organization_id"),
            name: try row.text("name"),
            description: try row.text("description"),
            tier: try row.integer("tier"),
            routingStrategy: try row.enumeration("routing_strategy"),
            offlinePolicy: try row.enumeration("offline_policy"),
            createdAt: try row.date("created_at"),
            updatedAt: try row.date("updated_at"),
            version: try row.integer("version"))
    }
}
