/// The ticket life cycle of §3:
/// `open → assigned → in_progress ⇄ waiting_customer / waiting_internal → resolved → closed`,
/// plus `escalated` and `reopened`.
public enum TicketStatus: String, Sendable, Codable, CaseIterable {
    case open
    case assigned
    case inProgress = "in_progress"
    case waitingCustomer = "waiting_customer"
    case waitingInternal = "waiting_internal"
    case escalated
    case resolved
    case closed
    case reopened

    /// Every legal move. Anything not listed is refused with `DomainError.illegalTransition`.
    /// `open` and `reopened` are "in the queue" states; returning an assigned ticket to the queue moves it to `open`.
    public var allowedNext: Set<TicketStatus> {
        switch self {
        case .open: [.assigned, .inProgress, .escalated, .resolved, .closed]
        case .assigned: [.open, .inProgress, .waitingCustomer, .waitingInternal, .escalated, .resolved, .closed]
        case .inProgress: [.open, .waitingCustomer, .waitingInternal, .escalated, .resolved, .closed]
        case .waitingCustomer: [.inProgress, .waitingInternal, .escalated, .resolved, .closed]
        case .waitingInternal: [.inProgress, .waitingCustomer, .escalated, .resolved, .closed]
        case .escalated: [.open, .assigned, .inProgress, .waitingCustomer, .waitingInternal, .resolved, .closed]
        case .resolved: [.closed, .reopened]
        case .closed: [.reopened]
        case .reopened: [.assigned, .inProgress, .waitingCustomer, .waitingInternal, .escalated, .resolved, .closed]
        }
    }

    public func canMove(to next: TicketStatus) -> Bool { allowedNext.contains(next) }

    /// Resolved and closed tickets are finished work; everything else is active.
    public var isActive: Bool { self != .resolved && self != .closed }

    /// Statuses in which the ticket counts against its assignee's capacity.
    public static let active: Set<TicketStatus> = Set(allCases.filter(\.isActive))
}
