import Domain
import Foundation
import Testing

/// Eligibility, rule by rule: each failing rule gives its reason, an eligible agent gives none.
struct RoutingPolicyTests {
    typealias F = RoutingFixture
    static let support = F.department(1)
    static let billing = F.department(2)
    static let now = F.monday

    static func reasons(_ agent: AgentSnapshot, _ ticket: QueuedTicket) -> [Ineligibility] {
        RoutingPolicy.ineligibility(of: agent, for: ticket, at: now)
    }

    static func expectOnly(_ expected: Ineligibility, _ agent: AgentSnapshot, _ ticket: QueuedTicket, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(reasons(agent, ticket) == [expected], "ineligibility of \(agent.id) for \(ticket.id)", sourceLocation: sourceLocation)
        #expect(!RoutingPolicy.isEligible(agent, for: ticket, at: now), "isEligible must agree with the reasons", sourceLocation: sourceLocation)
    }

    @Test func aMatchingAvailableAgentInShiftBelowCapacityIsEligible() {
        let agent = F.agent(1, departments: [Self.support], tier: 2, skills: ["refunds", "sql"], languages: ["en", "de"], max: 3, load: 2)
        let ticket = F.ticket(1, department: Self.support, tier: 2, skills: ["refunds"], language: "de")
        #expect(Self.reasons(agent, ticket).isEmpty)
        #expect(RoutingPolicy.isEligible(agent, for: ticket, at: Self.now))
    }

    @Test(arguments: [Availability.busy, .away, .offline])
    func onlyAvailableAgentsAreEligible(_ availability: Availability) {
        Self.expectOnly(.notAvailable(availability), F.agent(1, availability: availability), F.ticket(1))
    }

    @Test func anAgentOutsideTheirShiftIsNotEligibleEvenWhenAvailable() {
        // Monday 12:00 UTC is 07:00 in New York, before a 09:00–17:00 shift.
        let shift = ShiftSchedule(timeZone: "America/New_York", windows: [ShiftWindow(weekday: 1, startMinute: 540, endMinute: 1020)])
        Self.expectOnly(.outsideShift, F.agent(1, shift: shift), F.ticket(1))
        #expect(RoutingPolicy.isEligible(F.agent(1, shift: shift), for: F.ticket(1), at: Self.now.addingTimeInterval(2 * 3600)), "09:00 local is inside")
    }

    @Test func capacityCountsActiveTicketsAgainstTheMaximum() {
        Self.expectOnly(.atCapacity(activeTickets: 3, maximum: 3), F.agent(1, max: 3, load: 3), F.ticket(1))
        Self.expectOnly(.atCapacity(activeTickets: 4, maximum: 3), F.agent(1, max: 3, load: 4), F.ticket(1))
        Self.expectOnly(.atCapacity(activeTickets: 0, maximum: 0), F.agent(1, max: 0, load: 0), F.ticket(1))
        #expect(Self.reasons(F.agent(1, max: 3, load: 2), F.ticket(1)).isEmpty, "one slot left is enough")
    }

    @Test func theTicketsDepartmentMustBeOneOfTheAgents() {
        Self.expectOnly(.notInDepartment(Self.billing), F.agent(1, departments: [Self.support]), F.ticket(1, department: Self.billing))
        #expect(Self.reasons(F.agent(1, departments: [Self.support, Self.billing]), F.ticket(1, department: Self.billing)).isEmpty)
    }

    @Test func aTicketWithoutDepartmentMayGoToAnyAgent() {
        #expect(Self.reasons(F.agent(1, departments: []), F.ticket(1)).isEmpty)
        #expect(Self.reasons(F.agent(2, departments: [Self.billing]), F.ticket(1)).isEmpty)
    }

    @Test func everyRequiredSkillIsNeeded() {
        Self.expectOnly(.missingSkills(["sql"]), F.agent(1, skills: ["refunds"]), F.ticket(1, skills: ["refunds", "sql"]))
        Self.expectOnly(.missingSkills(["refunds", "sql"]), F.agent(1), F.ticket(1, skills: ["refunds", "sql"]))
        #expect(Self.reasons(F.agent(1), F.ticket(1)).isEmpty, "no skill required: anyone")
    }

    @Test func theTicketsLanguageMustBeSpokenWhenItHasOne() {
        Self.expectOnly(.doesNotSpeak("fr"), F.agent(1, languages: ["en", "de"]), F.ticket(1, language: "fr"))
        #expect(Self.reasons(F.agent(1, languages: []), F.ticket(1, language: nil)).isEmpty, "no language: anyone")
    }

    @Test func theAgentsTierMustReachTheTicketsTier() {
        Self.expectOnly(.tierTooLow(agentTier: 1, ticketTier: 2), F.agent(1, tier: 1), F.ticket(1, tier: 2))
        #expect(Self.reasons(F.agent(1, tier: 3), F.ticket(1, tier: 2)).isEmpty, "a higher tier may take lower-tier work")
    }

    @Test func anotherOrganizationsAgentIsNeverEligible() {
        Self.expectOnly(.otherOrganization, F.agent(1, org: F.otherOrg), F.ticket(1))
    }

    @Test func everyReasonIsListedInAStableOrder() {
        let agent = F.agent(1, org: F.otherOrg, departments: [Self.support], tier: 1, languages: ["en"], availability: .away, max: 1, load: 1,
                            shift: ShiftSchedule(windows: []))
        let ticket = F.ticket(1, department: Self.billing, tier: 3, skills: ["sql"], language: "fr")
        #expect(Self.reasons(agent, ticket) == [
            .notAvailable(.away), .outsideShift, .atCapacity(activeTickets: 1, maximum: 1), .otherOrganization,
            .notInDepartment(Self.billing), .missingSkills(["sql"]), .doesNotSpeak("fr"), .tierTooLow(agentTier: 1, ticketTier: 3),
        ])
    }

    @Test func reasonsReadAsExplanations() {
        #expect(Ineligibility.atCapacity(activeTickets: 5, maximum: 5).description == "is at capacity (5 of 5 active tickets)")
        #expect(Ineligibility.missingSkills(["sql", "refunds"]).description == "lacks the skills refunds, sql")
        #expect(Ineligibility.notAvailable(.busy).description == "is busy, not available")
        #expect(Ineligibility.tierTooLow(agentTier: 1, ticketTier: 2).description == "is tier 1, the ticket needs tier 2")
    }

    @Test func onlyUnassignedTicketsInQueueStatusesWaitInTheQueue() {
        for status in TicketStatus.allCases {
            let waiting = [.open, .reopened, .escalated].contains(status)
            #expect(F.ticket(1, status: status).isWaitingInQueue == waiting, "\(status) unassigned")
            #expect(!F.ticket(1, status: status, assignee: F.user(9)).isWaitingInQueue, "\(status) assigned")
        }
    }

    @Test func theRoutingViewCopiesWhatRoutingReadsFromATicket() {
        let ticket = Ticket(
            id: F.ticketID(7), organizationID: F.org, customerID: F.user(99), contact: Contact(name: "C"), subject: "s", description: "d",
            priority: .high, status: .reopened, departmentID: Self.billing, tier: 2, requiredSkills: ["sql"], language: "de", createdAt: Self.now
        )
        let due = Self.now.addingTimeInterval(3600)
        #expect(QueuedTicket(ticket, slaDueAt: due) == F.ticket(7, priority: .high, status: .reopened, department: Self.billing, tier: 2,
                                                                  skills: ["sql"], language: "de", created: Self.now, sla: due))
    }
}
