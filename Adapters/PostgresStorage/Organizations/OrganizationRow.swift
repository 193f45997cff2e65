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

    /// Reads the settings with a row lock (`FOR UPDATE`: two admins editing at once apply one after the
    /// other), changes one template and writes them back; false when the organization does not exist.
    static func setNotificationTemplate(
        _ transaction: Transaction, organization id: OrganizationID, kind: Notification.Kind, template: NotificationTemplate?
    ) async throws -> Bool {
        let rows = try await transaction.rows("SELECT settings FROM organizations WHERE id = \(id.uuid) FOR UPDATE")
        guard let row = rows.first else { return false }
        var settings: OrganizationSettings = try row.json("settings")
        settings.setNotificationTemplate(template, for: kind)
        let encoded = try JSONColumn.encode(settings)
        try await transaction.execute("UPDATE organizations SET settings = \(encoded) WHERE id = \(id.uuid)")
        return true
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
