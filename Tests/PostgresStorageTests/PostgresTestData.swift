import Domain
import Foundation

/// Small records for the adapter's own tests (the contract has its own, larger fixture).
enum PostgresTestData {
    static let epoch = Date(millisecondsSince1970: 1_767_225_600_000)

    static func organization(slug: String = "acme", createdAt: Date = epoch) -> Organization {
        Organization(id: OrganizationID(UUID()), slug: slug, name: "Org \(slug)", createdAt: createdAt)
    }

    static func ticket(in organization: OrganizationID, index: Int) -> Ticket {
        Ticket(
            id: TicketID(UUID()), organizationID: organization, customerID: UserID(UUID()), contact: Contact(name: "Customer \(index)"),
            subject: "Ticket \(index)", description: "Created by a concurrency test",
            createdAt: Date(millisecondsSince1970: epoch.millisecondsSince1970 + Int64(index))
        )
    }

    static func job(in organization: OrganizationID, index: Int, kind: String = "deliver_notification") -> Job {
        Job(
            id: JobID(UUID()), organizationID: organization, kind: kind, payload: #"{"n":\#(index)}"#,
            runAt: Date(millisecondsSince1970: epoch.millisecondsSince1970 + Int64(index)), createdAt: epoch
        )
    }

    static func auditEvent(of ticket: Ticket, kind: AuditEvent.Kind = .updated) -> AuditEvent {
        AuditEvent(id: AuditEventID(UUID()), organizationID: ticket.organizationID, ticketID: ticket.id, actorID: nil, kind: kind, at: epoch)
    }
}
