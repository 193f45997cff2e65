import Domain
import Foundation
import Testing

/// The §15 sizing: one pass over 10,000 queued tickets and 500 agents. Prints the time; timing is not asserted
/// (debug builds and a shared machine make it noisy), the plan's validity is.
struct RoutingBenchmarkTests {
    typealias F = RoutingFixture

    static func workload(seed: UInt64) -> (tickets: [QueuedTicket], agents: [AgentSnapshot], planner: RoutingPlanner) {
        var random = SeededRandom(seed: seed)
        let departments = (1...12).map(F.department)
        let skills = ["billing", "sql", "refunds", "vip", "api", "mobile"]
        let languages = ["en", "de", "fr", "es"]
        let zones = ["UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata"]
        let agents = random.distinct(500, from: 1...5000).map { number in
            F.agent(
                number, departments: random.subset(of: departments, keeping: 0.15).union([departments.randomElement(using: &random)!]),
                tier: .random(in: 1...3, using: &random), skills: random.subset(of: skills, keeping: 0.5),
                languages: random.subset(of: languages, keeping: 0.5).union(["en"]),
                availability: random.chance(0.8) ? .available : .away, max: .random(in: 3...8, using: &random),
                load: .random(in: 0...4, using: &random),
                shift: random.chance(0.7) ? ShiftSchedule(timeZone: zones.randomElement(using: &random)!) : ShiftSchedule(
                    timeZone: zones.randomElement(using: &random)!, windows: (1...5).map { ShiftWindow(weekday: $0, startMinute: 480, endMinute: 1080) })
            )
        }
        let tickets = random.distinct(10_000, from: 1...100_000).map { number in
            F.ticket(
                number, priority: Priority.allCases.randomElement(using: &random)!,
                department: random.chance(0.1) ? nil : departments.randomElement(using: &random)!,
                tier: random.chance(0.7) ? 1 : .random(in: 2...3, using: &random), skills: random.subset(of: skills, keeping: 0.1),
                language: random.chance(0.6) ? nil : languages.randomElement(using: &random)!,
                created: F.monday.addingTimeInterval(-Double(Int.random(in: 0...86_400, using: &random))),
                sla: random.chance(0.5) ? nil : F.monday.addingTimeInterval(Double(Int.random(in: 0...86_400, using: &random)))
            )
        }
        let planner = RoutingPlanner(strategies: Dictionary(uniqueKeysWithValues: departments.enumerated().map {
            ($0.element, $0.offset % 2 == 0 ? RoutingStrategy.roundRobin : .leastLoaded)
        }))
        return (tickets, agents, planner)
    }

    @Test func tenThousandTicketsAndFiveHundredAgentsInOnePass() {
        let (tickets, agents, planner) = Self.workload(seed: 15)
        let clock = ContinuousClock()
        var plan: RoutingPlan?
        let elapsed = clock.measure {
            plan = planner.plan(queue: tickets, agents: agents, cursors: [:], now: F.monday)
        }
        guard let plan else { Issue.record("no plan"); return }
        print("routing pass: \(tickets.count) tickets × \(agents.count) agents → \(plan.assignments.count) assignments in \(elapsed)")

        #expect(plan.assignments.count + plan.unassigned.count == tickets.count)
        #expect(plan.assignments.count > 500, "a realistic workload assigns a lot (got \(plan.assignments.count))")
        var loads = Dictionary(uniqueKeysWithValues: agents.map { ($0.id, $0.activeTickets) })
        let capacity = Dictionary(uniqueKeysWithValues: agents.map { ($0.id, $0.profile.maxConcurrentTickets) })
        for assignment in plan.assignments { loads[assignment.agentID]! += 1 }
        let received = Set(plan.assignments.map(\.agentID))
        #expect(received.allSatisfy { loads[$0]! <= capacity[$0]! }, "no agent above capacity")
        #expect(Set(plan.assignments.map(\.ticketID)).count == plan.assignments.count, "no ticket twice")
    }
}
