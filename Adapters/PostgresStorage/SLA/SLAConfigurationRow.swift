import Domain
import PostgresNIO

/// Rows of `sla_policies` and `business_hours`, mapped to and from `SLAPolicy` and `BusinessHours`.
enum SLAConfigurationRow {
    static let policyColumns = "organization_id, id, position, name, targets, conditions, business_hours_id, escalation"
    static let hoursColumns = "organization_id, id, position, name, definition"

    /// Replaces the organization's policies; reports whether the organization exists.
    static func replace(_ transaction: Transaction, policies: [SLAPolicy], of organization: OrganizationID) async throws -> Bool {
        guard try await transaction.affectsRow("SELECT 1 FROM organizations WHERE id = \(organization.uuid)") else { return false }
        try await transaction.execute("DELETE FROM sla_policies WHERE organization_id = \(organization.uuid)")
        for (position, policy) in policies.enumerated() {
            try await transaction.execute("""
                INSERT INTO sla_policies (\(unescaped: policyColumns))
                VALUES (\(organization.uuid), \(policy.id.uuid), \(position), \(policy.name), \(try JSONColumn.encode(policy.targets)),
                    \(try JSONColumn.encode(policy.conditions)), \(policy.businessHoursID?.uuid), \(try JSONColumn.encode(optional: policy.escalation)))
                """)
        }
        return true
    }

    /// Replaces the organization's calendars; reports whether the organization exists.
    static func replace(_ transaction: Transaction, hours: [BusinessHours], of organization: OrganizationID) async throws -> Bool {
        guard try await transaction.affectsRow("SELECT 1 FROM organizations WHERE id = \(organization.uuid)") else { return false }
        try await transaction.execute("DELETE FROM business_hours WHERE organization_id = \(organization.uuid)")
        for (position, calendar) in hours.enumerated() {
            try await transaction.execute("""
                INSERT INTO business_hours (\(unescaped: hoursColumns))
                VALUES (\(organization.uuid), \(calendar.id.uuid), \(position), \(calendar.name), \(try JSONColumn.encode(calendar.definition)))
                """)
        }
        return true
    }

    static func policy(from row: RowReader) throws -> SLAPolicy {
        SLAPolicy(
            id: try row.id("id"), organizationID: try row.id("organization_id"), name: try row.text("name"),
            targets: try row.json("targets"), conditions: try row.json("conditions"),
            businessHoursID: try row.optionalID("business_hours_id"), escalation: try row.optionalJSON("escalation"))
    }

    static func hours(from row: RowReader) throws -> BusinessHours {
        BusinessHours(id: try row.id("id"), organizationID: try row.id("organization_id"), name: try row.text("name"), definition: try row.json("definition"))
    }
}
