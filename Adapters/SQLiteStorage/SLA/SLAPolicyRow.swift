import Domain
import GRDB

/// Rows of `sla_policies` and `business_hours`, mapped to and from `SLAPolicy` and `BusinessHours`.
enum SLAConfigurationRow {
    static let policyColumns = "organization_id, id, position, name, targets, conditions, business_hours_id, escalation"
    static let hoursColumns = "organization_id, id, position, name, definition"

    static func replace(_ db: Database, policies: [SLAPolicy], of organization: OrganizationID) throws {
        try db.run(sql: "DELETE FROM sla_policies WHERE organization_id = ?", arguments: [organization.description])
        for (position, policy) in policies.enumerated() {
            try db.run(
                sql: "INSERT INTO sla_policies (\(policyColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                arguments: [
                    organization.description, policy.id.description, position, policy.name, try JSONColumn.encode(policy.targets),
                    try JSONColumn.encode(policy.conditions), policy.businessHoursID?.description,
                    try JSONColumn.encode(optional: policy.escalation),
                ])
        }
    }

    static func replace(_ db: Database, hours: [BusinessHours], of organization: OrganizationID) throws {
        try db.run(sql: "DELETE FROM business_hours WHERE organization_id = ?", arguments: [organization.description])
        for (position, calendar) in hours.enumerated() {
            try db.run(
                sql: "INSERT INTO business_hours (\(hoursColumns)) VALUES (?, ?, ?, ?, ?)",
                arguments: [organization.description, calendar.id.description, position, calendar.name, try JSONColumn.encode(calendar.definition)])
        }
    }

    static func policy(from row: Row) throws -> SLAPolicy {
        SLAPolicy(
            id: try row.id("id"), organizationID: try row.id("organization_id"), name: try row.text("name"),
            targets: try row.json("targets"), conditions: try row.json("conditions"),
            businessHoursID: try row.optionalID("business_hours_id"),
            escalation: try JSONColumn.decode(SLAEscalation.self, fromOptional: row.optionalText("escalation"), column: "escalation"))
    }

    static func hours(from row: Row) throws -> BusinessHours {
        BusinessHours(id: try row.id("id"), organizationID: try row.id("organization_id"), name: try row.text("name"), definition: try row.json("definition"))
    }
}
