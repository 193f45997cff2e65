import Domain
import PostgresNIO

/// A row of `organizations` (plus its `ticket_counters` row), mapped to and from `Organization`.
enum OrganizationRow {
    static let selectSQL = "SELECT id, slug, name, settings, created_at FROM organizations"

    /// Inserts the organization and its ticket counter (at 0) in one statement.
    static func insert(_ transaction: Transaction, _ organization: Organization) async throws {
        let settings = try JSONColumn.encode(organization.settings)
        try await transaction.execute("""
            WITH organization AS (
                INSERT INTO organizations (id, slug, name, settings, created_at)
                VALUES (\(organization.id.uuid), \(organization.slug), \(organization.name),
                    \(settings), \(Timestamp(organization.createdAt)))
                RETURNING id
            )
            INSERT INTO ticket_counters (organization_id, last_number) SELECT id, 0 FROM organization
            """)
    }

    static func organization(from row: RowReader) throws -> Organization {
        Organization(
            id: try row.id("id"),
            slug: try row.text("slug"),
            name: try row.text("name"),
            settings: try row.json("settings"),
            createdAt: try row.date("created_at"))
    }
}
