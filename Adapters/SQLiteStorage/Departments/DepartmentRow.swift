import Domain
import GRDB

/// A row of `departments`, mapped to and from `Department`.
struct DepartmentRow {
    static let selectSQL = """
        SELECT id, organization_id, name, description, tier, routing_strategy, offline_policy, created_at, updated_at, version
        FROM departments
        """

    var arguments: StatementArguments

    init(_ department: Department) {
        arguments = [
            "id": department.id.description,
            "organization_id": department.organizationID.description,
            "name": department.name,
            "description": department.description,
            "tier": department.tier,
            "routing_strategy": department.routingStrategy.rawValue,
            "offline_policy": department.offlinePolicy.rawValue,
            "created_at": department.createdAt.millisecondsSince1970,
            "updated_at": department.updatedAt.millisecondsSince1970,
            "version": department.version,
        ]
    }

    func insert(_ db: Database) throws {
        try db.run(
            sql: """
                INSERT INTO departments (id, organization_id, name, description, tier, routing_strategy, offline_policy, created_at, updated_at, version)
                VALUES (:id, :organization_id, :name, :description, :tier, :routing_strategy, :offline_policy, :created_at, :updated_at, :version)
                """,
            arguments: arguments)
    }

    /// Applies the update if the stored version is `expectedVersion`; reports whether a row changed.
    func update(_ db: Database, expectedVersion: Int) throws -> Bool {
        try db.run(
            sql: """
                UPDATE departments SET name = :name, description = :description, tier = :tier,
                    routing_strategy = :routing_strategy, offline_policy = :offline_policy, updated_at = :updated_at, version = :version
                WHERE id = :id AND organization_id = :organization_id AND version = :expected_version
                """,
            arguments: arguments + ["expected_version": expectedVersion])
        return db.changesCount > 0
    }

    static func department(from row: Row) throws -> Department {
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
