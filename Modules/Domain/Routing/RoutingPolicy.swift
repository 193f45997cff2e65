import Foundation

/// Who may receive which ticket (§5): the eligibility rules of auto-assignment, pure and explained.
///
/// The rules split in two halves so that a pass can evaluate each half once: `readiness` depends on the agent and
/// the instant only (availability, shift, capacity), `mismatches` on the agent's profile and the ticket only
/// (organization, department, skills, language, tier). Skills and languages are compared exactly as stored.
public enum RoutingPolicy {
    /// Every reason `agent` may not receive `ticket` at `now`, in a stable order; empty means eligible.
    public static func ineligibility(of agent: AgentSnapshot, for ticket: QueuedTicket, at now: Date) -> [Ineligibility] {
        readiness(of: agent, at: now) + mismatches(of: agent.profile, for: ticket)
    }

    /// Whether `agent` may receive `ticket` at `now`.
    public static func isEligible(_ agent: AgentSnapshot, for ticket: QueuedTicket, at now: Date) -> Bool {
        isReady(agent, at: now) && matches(agent.profile, ticket)
    }

    /// The ticket-independent reasons: not `available`, outside the shift, at capacity.
    public static func readiness(of agent: AgentSnapshot, at now: Date) -> [Ineligibility] {
        var reasons: [Ineligibility] = []
        if agent.profile.availability != .available { reasons.append(.notAvailable(agent.profile.availability)) }
        if !agent.profile.shift.contains(now) { reasons.append(.outsideShift) }
        if !agent.hasCapacity {
            reasons.append(.atCapacity(activeTickets: agent.activeTickets, maximum: agent.profile.maxConcurrentTickets))
        }
        return reasons
    }

    /// The agent-and-ticket reasons: organization, department (none on the ticket: any agent), every required
    /// skill, the ticket's language when it has one, tier at least the ticket's.
    public static func mismatches(of profile: AgentProfile, for ticket: QueuedTicket) -> [Ineligibility] {
        var reasons: [Ineligibility] = []
        if profile.organizationID != ticket.organizationID { reasons.append(.otherOrganization) }
        if let department = ticket.departmentID, !profile.departmentIDs.contains(department) {
            reasons.append(.notInDepartment(department))
        }
        let missing = ticket.requiredSkills.subtracting(profile.skills)
        if !missing.isEmpty { reasons.append(.missingSkills(missing)) }
        if let language = ticket.language, !profile.languages.contains(language) { reasons.append(.doesNotSpeak(language)) }
        if profile.tier < ticket.tier { reasons.append(.tierTooLow(agentTier: profile.tier, ticketTier: ticket.tier)) }
        return reasons
    }

    /// `readiness(of:at:).isEmpty` without building the list: the planner's hot path.
    static func isReady(_ agent: AgentSnapshot, at now: Date) -> Bool {
        agent.profile.availability == .available && agent.hasCapacity && agent.profile.shift.contains(now)
    }

    /// `mismatches(of:for:).isEmpty` without building the list: the planner's hot path.
    static func matches(_ profile: AgentProfile, _ ticket: QueuedTicket) -> Bool {
        profile.organizationID == ticket.organizationID
            && profile.tier >= ticket.tier
            && (ticket.departmentID.map { profile.departmentIDs.contains($0) } ?? true)
            && (ticket.language.map { profile.languages.contains($0) } ?? true)
            && ticket.requiredSkills.isSubset(of: profile.skills)
    }
}
