import Domain
import Foundation
import Testing

/// Fairness evidence (issue 7 item 6): round robin spreads work evenly over equal agents across passes and
/// restarts; least loaded reaches the smallest possible maximum load, checked against a brute-force optimum.
struct RoutingFairnessTests {
    typealias F = RoutingFixture
    static let support = F.department(1)
    static let billing = F.department(2)
    static let now = F.monday

    @Test("equal agents under round robin: counts differ by at most one after every pass", arguments: 0..<60)
    func roundRobinIsEvenAcrossPassesAndRestarts(seed: Int) {
        var random = SeededRandom(seed: UInt64(seed))
        let ids = random.distinct(.random(in: 2...9, using: &random), from: 1...30)
        let agents = ids.map { F.agent($0, departments: [Self.support], skills: ["sql"], max: 10_000) }
        // Any starting cursor, even one naming an agent who is not in the pool.
        var cursors: RoutingCursors = random.chance(0.3) ? [:] : [Self.support: F.user(.random(in: 0...31, using: &random))]
        var counts = Dictionary(uniqueKeysWithValues: ids.map { (F.user($0), 0) })
        var nextTicket = 0
        for pass in 0..<Int.random(in: 1...8, using: &random) {
            let tickets = (0..<Int.random(in: 0...23, using: &random)).map { _ in
                nextTicket += 1
                return F.ticket(nextTicket, priority: Priority.allCases.randomElement(using: &random)!, department: Self.support,
                                skills: random.chance(0.5) ? ["sql"] : [], created: Self.now.addingTimeInterval(Double(nextTicket)))
            }
            // A fresh planner every pass; only the cursors persist, as across restarts and worker processes.
            let plan = RoutingPlanner().plan(queue: tickets, agents: agents.shuffled(using: &random), cursors: cursors, now: Self.now)
            #expect(plan.assignments.count == tickets.count, "seed \(seed) pass \(pass): every ticket finds an agent")
            for assignment in plan.assignments { counts[assignment.agentID]! += 1 }
            cursors = plan.cursors
            let spread = counts.values.max()! - counts.values.min()!
            #expect(spread <= 1, "seed \(seed) pass \(pass): assignment counts \(counts.values.sorted()) differ by \(spread)")
        }
    }

    @Test("equal agents under least loaded: counts differ by at most one too", arguments: 0..<30)
    func leastLoadedIsEvenForEqualAgents(seed: Int) {
        var random = SeededRandom(seed: UInt64(seed))
        let ids = random.distinct(.random(in: 2...9, using: &random), from: 1...30)
        var agents = ids.map { F.agent($0, departments: [Self.billing], max: 10_000, load: 3) }
        let planner = RoutingPlanner(strategies: [Self.billing: .leastLoaded])
        var cursors: RoutingCursors = [:]
        var nextTicket = 0
        for pass in 0..<Int.random(in: 1...6, using: &random) {
            let tickets = (0..<Int.random(in: 0...23, using: &random)).map { _ in
                nextTicket += 1
                return F.ticket(nextTicket, department: Self.billing, created: Self.now.addingTimeInterval(Double(nextTicket)))
            }
            let plan = planner.plan(queue: tickets, agents: agents, cursors: cursors, now: Self.now)
            for assignment in plan.assignments {
                agents[agents.firstIndex { $0.id == assignment.agentID }!].activeTickets += 1
            }
            cursors = plan.cursors
            let loads = agents.map(\.activeTickets)
            #expect(loads.max()! - loads.min()! <= 1, "seed \(seed) pass \(pass): loads \(loads.sorted())")
        }
    }

    @Test("least loaded assigns as much as possible with the smallest maximum load", arguments: 0..<150)
    func leastLoadedMatchesTheBruteForceOptimum(seed: Int) {
        var random = SeededRandom(seed: UInt64(seed))
        // Agents each in one department (eligibility is equal within a department), random loads and capacities.
        let departments = [Self.support, Self.billing]
        let agents = random.distinct(.random(in: 1...4, using: &random), from: 1...9).map {
            F.agent($0, departments: [departments.randomElement(using: &random)!], max: .random(in: 0...5, using: &random),
                    load: .random(in: 0...4, using: &random))
        }
        let tickets = (0..<Int.random(in: 0...6, using: &random)).map {
            F.ticket($0, priority: Priority.allCases.randomElement(using: &random)!, department: departments.randomElement(using: &random)!,
                     created: Self.now.addingTimeInterval(Double($0)))
        }
        let cursors: RoutingCursors = random.chance(0.5) ? [:] : [Self.support: F.user(.random(in: 0...10, using: &random))]
        let plan = RoutingPlanner(defaultStrategy: .leastLoaded).plan(queue: tickets, agents: agents, cursors: cursors, now: Self.now)

        var loads = Dictionary(uniqueKeysWithValues: agents.map { ($0.id, $0.activeTickets) })
        for assignment in plan.assignments { loads[assignment.agentID]! += 1 }
        let optimum = Self.bruteForce(tickets, agents)
        #expect(plan.assignments.count == optimum.assigned, "seed \(seed): assigned \(plan.assignments.count), at most \(optimum.assigned) possible")
        let maximumLoad = loads.values.max() ?? 0
        #expect(maximumLoad == optimum.maximumLoad, "seed \(seed): maximum load \(maximumLoad), optimum \(optimum.maximumLoad)")
    }

    /// Every way to give each ticket to an eligible agent with room, or to nobody: the most tickets assigned, and
    /// among those ways the smallest maximum load over all agents.
    static func bruteForce(_ tickets: [QueuedTicket], _ agents: [AgentSnapshot]) -> (assigned: Int, maximumLoad: Int) {
        var loads = agents.map(\.activeTickets)
        var best = (assigned: -1, maximumLoad: Int.max)
        func explore(_ index: Int, _ assigned: Int) {
            guard index < tickets.count else {
                let maximum = loads.max() ?? 0
                if assigned > best.assigned || (assigned == best.assigned && maximum < best.maximumLoad) { best = (assigned, maximum) }
                return
            }
            explore(index + 1, assigned)
            for (position, agent) in agents.enumerated()
            where loads[position] < agent.profile.maxConcurrentTickets && RoutingOracle.matches(agent, tickets[index]) {
                loads[position] += 1
                explore(index + 1, assigned + 1)
                loads[position] -= 1
            }
        }
        explore(0, 0)
        return best
    }

    /// The documented limit: least loaded decides ticket by ticket in queue order and does not look ahead, so with
    /// overlapping skills it can miss the optimum. Pinned here so that the documentation stays true.
    @Test func leastLoadedDoesNotLookAheadAcrossDifferentSkills() {
        let agents = [F.agent(1, skills: ["sql"]), F.agent(2)]
        let tickets = [F.ticket(1, priority: .high), F.ticket(2, priority: .low, skills: ["sql"])]
        let plan = RoutingPlanner(defaultStrategy: .leastLoaded).plan(queue: tickets, agents: agents, cursors: [:], now: Self.now)
        // Both are idle for ticket 1: the tie goes to agent 1, who is then the only one able to take ticket 2.
        #expect(plan.assignments.map(\.agentID) == [F.user(1), F.user(1)])
        let optimum = Self.bruteForce(tickets, agents)
        #expect(optimum.assigned == 2 && optimum.maximumLoad == 1, "the optimum would give one to each, got \(optimum)")
    }
}
