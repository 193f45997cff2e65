import Domain
import PostgresNIO

/// A row of `routing_cursors`, mapped to and from `RoutingCursor`.
enum RoutingCursorRow {
    static let selectSQL = "SELECT organization_id, department_key, agent_id, version FROM routing_cursors"

    /// The key of a pool: the department id, or '' for tickets without a department.
    static func key(_ department: DepartmentID?) -> String { department?.description ?? "" }

    /// Inserts (expected 0) or replaces the cursor at the expected version; reports whether a row changed.
    static func store(_ transaction: Transaction, _ cursor: RoutingCursor, expectedVersion: Int) async throws -> Bool {
        let key = key(cursor.departmentID)
        if expectedVersion == 0 {
            return try await transaction.affectsRow("""
                INSERT INTO routing_cursors (organization_id, department_key, agent_id, version)
                VALUES (\(cursor.organizationID.uuid), \(key), \(cursor.agentID.uuid), \(cursor.version))
                ON CONFLICT DO NOTHING
                RETURNING 1
                """)
        }
        return try await transaction.affectsRow("""
            UPDATE routing_cursors SET agent_id = \(cursor.agentID.uuid), version = \(cursor.version)
            WHERE organization_id = \(cursor.organizationID.uuid) AND department_key = \(key) AND version = \(expectedVersion)
            RETURNING 1
            """)
    }

    static func cursor(from row: RowReader) throws -> RoutingCursor {
        let key = try row.text("department_key")
        return RoutingCursor(
            organizationID: try row.id("organization_id"),
            departmentID: key.isEmpty ? nil : DepartmentID(key),
            agentID: try row.id("agent_id"),
            version: try row.integer("version"))
    }
}
