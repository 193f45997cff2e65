/// One reason an agent may not receive a ticket: what an operator reads when asking "why not her?".
public enum Ineligibility: Sendable, Hashable, CustomStringConvertible {
    /// The agent works for another organization.
    case otherOrganization
    /// Only `available` agents receive work.
    case notAvailable(Availability)
    /// The instant is outside every window of the agent's weekly shift (or the shift's time zone is unknown).
    case outsideShift
    /// The agent already holds `maximum` or more active tickets.
    case atCapacity(activeTickets: Int, maximum: Int)
    /// The ticket belongs to a department the agent is not a member of.
    case notInDepartment(DepartmentID)
    /// Skills the ticket requires that the agent lacks.
    case missingSkills(Set<String>)
    /// The ticket's language, which the agent does not list.
    case doesNotSpeak(String)
    /// The agent's tier is below the ticket's.
    case tierTooLow(agentTier: Int, ticketTier: Int)

    public var description: String {
        switch self {
        case .otherOrganization: "belongs to another organization"
        case .notAvailable(let availability): "is \(availability.rawValue), not available"
        case .outsideShift: "is outside their shift"
        case let .atCapacity(active, maximum): "is at capacity (\(active) of \(maximum) active tickets)"
        case .notInDepartment(let department): "is not in department \(department)"
        case .missingSkills(let skills): "lacks the skills \(skills.sorted().joined(separator: ", "))"
        case .doesNotSpeak(let language): "does not speak \(language)"
        case let .tierTooLow(agentTier, ticketTier): "is tier \(agentTier), the ticket needs tier \(ticketTier)"
        }
    }
}
