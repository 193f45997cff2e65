import Domain
import Foundation

/// Builders for routing tests: small numbers become ids whose order is the numbers' order, and dates are literal.
enum RoutingFixture {
    static let org = OrganizationID(uuid(0xA, 1))
    static let otherOrg = OrganizationID(uuid(0xA, 2))

    static func user(_ n: Int) -> UserID { UserID(uuid(0xB, n)) }
    static func ticketID(_ n: Int) -> TicketID { TicketID(uuid(0xC, n)) }
    static func department(_ n: Int) -> DepartmentID { DepartmentID(uuid(0xD, n)) }

    /// A UUIDv7-shaped value whose byte order follows `n`.
    static func uuid(_ kind: Int, _ n: Int) -> UUID {
        UUID(uuidString: String(format: "%08lX-0000-7000-8000-%012lX", kind, n))!
    }

    /// `2025-01-06T12:00:00Z`, a Monday.
    static let monday = date("2025-01-06T12:00:00Z")

    static func date(_ iso: String) -> Date {
        guard let date = try? Date.ISO8601FormatStyle().parse(iso) else { fatalError("not an ISO 8601 instant: \(iso)") }
        return date
    }

    static func agent(
        _ n: Int, org: OrganizationID = org, departments: Set<DepartmentID> = [], tier: Int = 1, skills: Set<String> = [],
        languages: Set<String> = ["en"], availability: Availability = .available, max: Int = 5, load: Int = 0,
        shift: ShiftSchedule = ShiftSchedule()
    ) -> AgentSnapshot {
        let profile = AgentProfile(
            userID: user(n), organizationID: org, departmentIDs: departments, tier: tier, skills: skills, languages: languages,
            availability: availability, maxConcurrentTickets: max, shift: shift, createdAt: monday
        )
        return AgentSnapshot(profile: profile, activeTickets: load)
    }

    static func ticket(
        _ n: Int, org: OrganizationID = org, priority: Priority = .medium, status: TicketStatus = .open, assignee: UserID? = nil,
        department: DepartmentID? = nil, tier: Int = 1, skills: Set<String> = [], language: String? = nil,
        created: Date = monday, sla: Date? = nil
    ) -> QueuedTicket {
        QueuedTicket(
            id: ticketID(n), organizationID: org, priority: priority, status: status, assigneeID: assignee, departmentID: department,
            tier: tier, requiredSkills: skills, language: language, createdAt: created, slaDueAt: sla
        )
    }
}
