import Domain
import GRDB

/// Allocates ticket numbers: one counter row per organization, bumped inside the committing
/// transaction, so numbers follow commit order and a rolled-back unit leaves no gap.
enum TicketNumberCounter {
    static func next(_ db: Database, organization: OrganizationID) throws -> TicketNumber {
        let number = try db.value(
            Int.self,
            sql: """
                INSERT INTO ticket_counters (organization_id, last_number) VALUES (?, 1)
                ON CONFLICT (organization_id) DO UPDATE SET last_number = last_number + 1
                RETURNING last_number
                """,
            arguments: [organization.description])
        guard let number else { throw CorruptRow(reason: "ticket counter returned no number") }
        return TicketNumber(number)
    }
}
