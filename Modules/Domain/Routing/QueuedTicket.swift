import Foundation

/// The part of a ticket that routing reads, plus the SLA due time that storage or the SLA policy supplies.
///
/// Kept small on purpose: a pass may look at tens of thousands of tickets, and storage can produce this view
/// without loading messages, custom fields or attachments.
public struct QueuedTicket: Sendable, Equatable {
    public let id: TicketID
    public let organizationID: OrganizationID
    public var priority: Priority
    public var status: TicketStatus
    public var assigneeID: UserID?
    /// `nil`: any agent of the organization may take it.
    public var departmentID: DepartmentID?
    /// The lowest agent tier that may take it (1–3).
    public var tier: Int
    public var requiredSkills: Set<String>
    /// When set, the agent must list this language (compared exactly, as stored).
    public var language: String?
    public let createdAt: Date
    /// When the ticket's SLA target falls due; `nil` sorts after every due time.
    public var slaDueAt: Date?

    public init(
        id: TicketID, organizationID: OrganizationID, priority: Priority = .medium, status: TicketStatus = .open,
        assigneeID: UserID? = nil, departmentID: DepartmentID? = nil, tier: Int = 1, requiredSkills: Set<String> = [],
        language: String? = nil, createdAt: Date, slaDueAt: Date? = nil
    ) {
        self.id = id
        self.organizationID = organizationID
        self.priority = priority
        self.status = status
        self.assigneeID = assigneeID
        self.departmentID = departmentID
        self.tier = tier
        self.requiredSkills = requiredSkills
        self.language = language
        self.createdAt = createdAt
        self.slaDueAt = slaDueAt
    }

    /// The routing view of a full ticket.
    public init(_ ticket: Ticket, slaDueAt: Date? = nil) {
        self.init(
            id: ticket.id, organizationID: ticket.organizationID, priority: ticket.priority, status: ticket.status,
            assigneeID: ticket.assigneeID, departmentID: ticket.departmentID, tier: ticket.tier,
            requiredSkills: ticket.requiredSkills, language: ticket.language, createdAt: ticket.createdAt, slaDueAt: slaDueAt
        )
    }

    /// Unassigned and in a queue status (`open`, `reopened`, `escalated`): auto-assignment may route it.
    public var isWaitingInQueue: Bool { assigneeID == nil && TicketUseCases.queueStatuses.contains(status) }
}
