/// The set of tickets an actor may see, as data, so that storage adapters can turn it into a query
/// and the contract suite can check that they agree with `contains(_:)`.
public enum TicketScope: Sendable, Equatable {
    /// Every ticket of the organization (admins).
    case organization(OrganizationID)
    /// The customer's own tickets.
    case customer(OrganizationID, UserID)
    /// Tickets assigned to the user, tickets they took part in, and tickets of `departments`:
    /// all of them when `wholeDepartments` (supervisors), else only unassigned ones (agents' queue).
    /// Tickets with no department count as in every department.
    case staff(OrganizationID, user: UserID, departments: Set<DepartmentID>, wholeDepartments: Bool)

    public static func `for`(_ actor: Actor) -> TicketScope {
        switch actor.role {
        case .admin: .organization(actor.organizationID)
        case .customer: .customer(actor.organizationID, actor.userID)
        case .agent: .staff(actor.organizationID, user: actor.userID, departments: actor.departmentIDs, wholeDepartments: false)
        case .supervisor: .staff(actor.organizationID, user: actor.userID, departments: actor.departmentIDs, wholeDepartments: true)
        }
    }

    public var organizationID: OrganizationID {
        switch self {
        case .organization(let org), .customer(let org, _), .staff(let org, _, _, _): org
        }
    }

    /// The reference semantics every storage adapter must reproduce in its query language.
    public func contains(_ ticket: Ticket) -> Bool {
        guard ticket.organizationID == organizationID else { return false }
        switch self {
        case .organization:
            return true
        case .customer(_, let user):
            return ticket.customerID == user
        case .staff(_, let user, let departments, let wholeDepartments):
            if ticket.assigneeID == user || ticket.participantIDs.contains(user) { return true }
            let inDepartment = ticket.departmentID.map(departments.contains) ?? true
            guard inDepartment else { return false }
            return wholeDepartments || ticket.assigneeID == nil
        }
    }
}
