import Domain
import Foundation
import Testing

/// Properties of the planner over random scenarios (`RoutingScenario`): each failure names the seed that replays it.
struct RoutingPropertyTests {
    static let seeds: Range<UInt64> = 0..<400

    static var scenarios: [(RoutingScenario, RoutingPlan)] {
        seeds.map { seed in
            let scenario = RoutingScenario(seed: seed)
            return (scenario, scenario.plan())
        }
    }

    /// The first snapshot of each agent, as the planner counts them.
    static func agentsByID(_ scenario: RoutingScenario) -> [UserID: AgentSnapshot] {
        Dictionary(scenario.agents.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    static func ticketsByID(_ scenario: RoutingScenario) -> [TicketID: QueuedTicket] {
        Dictionary(RoutingOracle.queue(scenario.tickets).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    @Test func everyAssignmentIsToAnAgentEligibleAtThatMoment() {
        var assignments = 0
        for (scenario, plan) in Self.scenarios {
            let agents = Self.agentsByID(scenario)
            let tickets = Self.ticketsByID(scenario)
            var loads: [UserID: Int] = agents.mapValues(\.activeTickets)
            for assignment in plan.assignments {
                assignments += 1
                guard var agent = agents[assignment.agentID], let ticket = tickets[assignment.ticketID] else {
                    Issue.record("\(scenario): \(assignment) names an unknown agent or a ticket not waiting in the queue")
                    continue
                }
                agent.activeTickets = loads[agent.id]!
                #expect(RoutingOracle.ready(agent, at: scenario.now), "\(scenario): \(assignment.agentID) not available, in shift and below capacity")
                #expect(RoutingOracle.matches(agent, ticket), "\(scenario): \(assignment.agentID) does not match \(assignment.ticketID)")
                #expect(assignment.departmentID == ticket.departmentID, "\(scenario): \(assignment) reports the wrong pool")
                #expect(assignment.strategy == scenario.planner.strategy(for: ticket.departmentID), "\(scenario): \(assignment) strategy")
                loads[agent.id]! += 1
            }
        }
        #expect(assignments > 1000, "the scenarios must actually assign work (got \(assignments))")
    }

    @Test func noTicketIsAssignedTwiceAndOnlyWaitingTicketsAreAssigned() {
        for (scenario, plan) in Self.scenarios {
            let ids = plan.assignments.map(\.ticketID)
            #expect(Set(ids).count == ids.count, "\(scenario): a ticket assigned twice in \(ids)")
            let waiting = Set(scenario.tickets.filter(RoutingOracle.waiting).map(\.id))
            #expect(Set(ids).isSubset(of: waiting), "\(scenario): assigned a ticket that was not waiting")
        }
    }

    @Test func noAgentEndsAboveCapacity() {
        for (scenario, plan) in Self.scenarios {
            let agents = Self.agentsByID(scenario)
            var received: [UserID: Int] = [:]
            for assignment in plan.assignments { received[assignment.agentID, default: 0] += 1 }
            for (id, count) in received {
                let agent = agents[id]!
                #expect(
                    agent.activeTickets + count <= agent.profile.maxConcurrentTickets,
                    "\(scenario): \(id) had \(agent.activeTickets), received \(count), capacity \(agent.profile.maxConcurrentTickets)"
                )
            }
        }
    }

    @Test func aWaitingTicketIsNeverPassedOverForALaterOneItsAgentCouldHaveTaken() {
        var checkedPairs = 0
        for (scenario, plan) in Self.scenarios {
            let agents = Self.agentsByID(scenario)
            let queue = RoutingOracle.queue(scenario.tickets)
            let position = Dictionary(uniqueKeysWithValues: queue.enumerated().map { ($0.element.id, $0.offset) })
            let left = queue.filter { plan.unassigned.contains($0.id) }
            for assignment in plan.assignments {
                let agent = agents[assignment.agentID]!
                for skipped in left where position[skipped.id]! < position[assignment.ticketID]! {
                    // Includes the case of the brief: a higher-priority ticket of the same department.
                    checkedPairs += 1
                    #expect(
                        !RoutingOracle.matches(agent, skipped),
                        "\(scenario): \(skipped.id) (\(skipped.priority)) left waiting while the later \(assignment.ticketID) went to \(agent.id), who was eligible for it"
                    )
                }
            }
        }
        #expect(checkedPairs > 100, "the scenarios must contain skipped tickets ahead of assigned ones (got \(checkedPairs))")
    }

    @Test func aTicketIsLeftWaitingOnlyWhenNoEligibleAgentHasRoomAtTheEnd() {
        for (scenario, plan) in Self.scenarios {
            let queue = RoutingOracle.queue(scenario.tickets)
            let assigned = Set(plan.assignments.map(\.ticketID))
            #expect(plan.unassigned == queue.map(\.id).filter { !assigned.contains($0) }, "\(scenario): unassigned must be the rest of the queue, in order")
            var final = Self.agentsByID(scenario)
            for assignment in plan.assignments { final[assignment.agentID]!.activeTickets += 1 }
            let initial = Self.agentsByID(scenario)
            for ticket in queue where !assigned.contains(ticket.id) {
                let taker = final.values.first { agent in
                    RoutingOracle.ready(initial[agent.id]!, at: scenario.now) && RoutingOracle.matches(agent, ticket)
                        && agent.activeTickets < agent.profile.maxConcurrentTickets
                }
                #expect(taker == nil, "\(scenario): \(ticket.id) left waiting although \(taker?.id.description ?? "-") was eligible with room")
            }
        }
    }

    @Test func cursorsMoveToTheLastAgentServedInEachPoolAndNowhereElse() {
        for (scenario, plan) in Self.scenarios {
            var expected = scenario.cursors
            for assignment in plan.assignments { expected[assignment.departmentID] = assignment.agentID }
            #expect(plan.cursors == expected, "\(scenario): cursors")
        }
    }

    @Test func thePlanIsTheOneTheRulesDescribeTicketByTicket() {
        for (scenario, plan) in Self.scenarios {
            let reference = RoutingOracle.plan(scenario.tickets, scenario.agents, cursors: scenario.cursors, now: scenario.now,
                                               strategy: scenario.planner.strategy(for:))
            #expect(plan == reference, "\(scenario): the planner's choices differ from the reference simulation")
        }
    }

    @Test func thePlanDoesNotDependOnTheOrderOfTheInputs() {
        for (scenario, plan) in Self.scenarios.prefix(150) {
            var random = SeededRandom(seed: scenario.seed &+ 1_000_000)
            let shuffled = scenario.planner.plan(
                queue: scenario.tickets.shuffled(using: &random), agents: scenario.agents.shuffled(using: &random),
                cursors: scenario.cursors, now: scenario.now
            )
            #expect(shuffled == plan, "\(scenario): shuffled inputs gave another plan")
        }
    }

    @Test func eligibilityAgreesWithItsReasonsAndWithTheRules() {
        for seed in Self.seeds.prefix(150) {
            let scenario = RoutingScenario(seed: seed)
            for agent in scenario.agents {
                for ticket in scenario.tickets {
                    let reasons = RoutingPolicy.ineligibility(of: agent, for: ticket, at: scenario.now)
                    #expect(reasons == Self.expectedReasons(agent, ticket, scenario.now), "\(scenario): reasons of \(agent.id) for \(ticket.id)")
                    let eligible = RoutingOracle.ready(agent, at: scenario.now) && RoutingOracle.matches(agent, ticket)
                    #expect(RoutingPolicy.isEligible(agent, for: ticket, at: scenario.now) == eligible, "\(scenario): isEligible(\(agent.id), \(ticket.id))")
                }
            }
        }
    }

    /// The reasons, rule by rule, from the oracle's reading of each rule.
    static func expectedReasons(_ agent: AgentSnapshot, _ ticket: QueuedTicket, _ now: Date) -> [Ineligibility] {
        let p = agent.profile
        var reasons: [Ineligibility] = []
        if p.availability != .available { reasons.append(.notAvailable(p.availability)) }
        if !RoutingOracle.inShift(p.shift, at: now) { reasons.append(.outsideShift) }
        if agent.activeTickets >= p.maxConcurrentTickets { reasons.append(.atCapacity(activeTickets: agent.activeTickets, maximum: p.maxConcurrentTickets)) }
        if p.organizationID != ticket.organizationID { reasons.append(.otherOrganization) }
        if let d = ticket.departmentID, !p.departmentIDs.contains(d) { reasons.append(.notInDepartment(d)) }
        let missing = ticket.requiredSkills.filter { !p.skills.contains($0) }
        if !missing.isEmpty { reasons.append(.missingSkills(missing)) }
        if let l = ticket.language, !p.languages.contains(l) { reasons.append(.doesNotSpeak(l)) }
        if p.tier < ticket.tier { reasons.append(.tierTooLow(agentTier: p.tier, ticketTier: ticket.tier)) }
        return reasons
    }
}
