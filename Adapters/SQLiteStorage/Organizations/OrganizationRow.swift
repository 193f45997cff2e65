import Domain
import GRDB

/// A row of `organizations`, mapped to and from `Organization`.
struct OrganizationRow {
    static let selectSQL = "SELECT id, slug, name, settings, created_at FROM organizations"

    var arguments: StatementArguments

    init(_ organization: Organization) throws {
        arguments = [
            "id": organization.id.description,
            "slug": organization.slug,
            "name": organization.name,
            "settings": try JSONColumn.encode(organization.settings),
            "created_at": organization.createdAt.millisecondsSince1970,
        ]
    }

    func insert(_ db: Database) throws {
        try db.run(
            sql: "INSERT INTO organizations (id, slug, name, settings, created_at) VALUES (:id, :slug, :name, :settings, :created_at)",
            arguments: arguments)
    }

    /// Reads the settings, changes one template and writes them back, inside the unit's (serialised)
    /// write transaction; false when the organization does not exist.
    static func setNotificationTemplate(
        _ db: Database, organization id: OrganizationID, kind: Notification.Kind, template: NotificationTemplate?
    ) throws -> Bool {
        guard let row = try db.row(sql: "SELECT settings FROM organizations WHERE id = ?", arguments: [id.description]) else { return false }
        var settings: OrganizationSettings = try row.json("settings")
        settings.setNotificationTemplate(template, for: kind)
        try db.run(sql: "UPDATE organizations SET settings = ? WHERE id = ?", arguments: [try JSONColumn.encode(settings), id.description])
        return true
    }

    static func organization(from row: Row) throws -> Organization {
        Organization(
            id: try row.id("id"),
            slug: try row.text("slug"),
            name: try row.text("name"),
            settings: try row.json("settings"),
            createdAt: try row.date("created_at"))
    }
}
