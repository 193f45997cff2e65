import Domain
import GRDB

/// A row of `routing_cursors`, mapped to and from `RoutingCursor`.
enum RoutingCursorRow {
    static let selectSQL = "SELECT organization_id, department_key, agent_id, version FROM routing_cursors"

    /// The key of a pool: the department id, or '' for tickets without a department.
    static func key(_ department: DepartmentID?) -> String { department?.description ?? "" }

    /// Inserts (expected 0) or replaces the cursor at the expected version; reports whether a row changed.
    static func store(_ db: Database, _ cursor: RoutingCursor, expectedVersion: Int) throws -> Bool {
        var arguments: StatementArguments = [
            cursor.agentID.description, cursor.version, cursor.organizationID.description, key(cursor.departmentID),
        ]
        if expectedVersion == 0 {
            try db.execute(
                sql: "INSERT INTO routing_cursors (agent_id, version, organization_id, department_key) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                arguments: arguments)
        } else {
            arguments += [expectedVersion]
            try db.execute(
                sql: "UPDATE routing_cursors SET agent_id = ?, version = ? WHERE organization_id = ? AND department_key = ? AND version = ?",
                arguments: arguments)
        }
        return db.changesCount > 0
    }

    static func cursor(from row: Row) throws -> RoutingCursor {
        let key = try row.text("department_key")
        return RoutingCursor(
            organizationID: try row.id("organization_id"),
            departmentID: key.isEmpty ? nil : try row.id("department_key"),
            agentID: try row.id("agent_id"),
            version: try row.integer("version"))
    }
}
