import Domain
import Foundation
import Testing

/// One pass of the planner on hand-made cases: order, capacity within the pass, cursors per department.
struct RoutingPlannerTests {
    typealias F = RoutingFixture
    static let support = F.department(1)
    static let billing = F.department(2)
    static let now = F.monday

    static func pairs(_ plan: RoutingPlan) -> [String] {
        plan.assignments.map { "t\(number($0.ticketID.description))>a\(number($0.agentID.description))" }
    }

    /// The trailing number of a fixture id, for readable expectations.
    static func number(_ id: String) -> Int { Int(id.split(separator: "-").last!, radix: 16)! }

    @Test func anEmptyQueueChangesNothing() {
        let cursors: RoutingCursors = [Self.support: F.user(2)]
        let plan = RoutingPlanner().plan(queue: [], agents: [F.agent(1)], cursors: cursors, now: Self.now)
        #expect(plan == RoutingPlan(assignments: [], cursors: cursors, unassigned: []))
    }

    @Test func ticketsNotWaitingInTheQueueAreLeftAlone() {
        let tickets = [F.ticket(1, status: .inProgress), F.ticket(2, assignee: F.user(9)), F.ticket(3, status: .closed), F.ticket(4, status: .escalated)]
        let plan = RoutingPlanner().plan(queue: tickets, agents: [F.agent(1)], cursors: [:], now: Self.now)
        #expect(Self.pairs(plan) == ["t4>a1"])
        #expect(plan.unassigned.isEmpty)
    }

    @Test func theScarceSlotGoesToTheHighestPriorityThenTheEarliestSLAThenTheOldest() {
        let agent = F.agent(1, max: 1)
        let tickets = [
            F.ticket(1, priority: .high, created: Self.now.addingTimeInterval(-9000)),
            F.ticket(2, priority: .urgent, created: Self.now, sla: nil),
            F.ticket(3, priority: .urgent, created: Self.now, sla: Self.now.addingTimeInterval(60)),
        ]
        let plan = RoutingPlanner().plan(queue: tickets, agents: [agent], cursors: [:], now: Self.now)
        #expect(Self.pairs(plan) == ["t3>a1"])
        #expect(plan.unassigned == [F.ticketID(2), F.ticketID(1)], "left waiting in serving order")
    }

    @Test func capacityIsCountedWithinThePass() {
        let agents = [F.agent(1, max: 3, load: 1), F.agent(2, max: 1, load: 0), F.agent(3, max: 2, load: 2)]
        let tickets = (1...6).map { F.ticket($0, created: Self.now.addingTimeInterval(Double($0))) }
        let plan = RoutingPlanner().plan(queue: tickets, agents: agents, cursors: [:], now: Self.now)
        #expect(Self.pairs(plan) == ["t1>a1", "t2>a2", "t3>a1"], "agent 3 is full from the start; 1 takes two, 2 takes one")
        #expect(plan.unassigned == [4, 5, 6].map(F.ticketID))
    }

    @Test func roundRobinContinuesFromThePersistedCursorAndWraps() {
        let agents = (1...3).map { F.agent($0, departments: [Self.support]) }
        let tickets = (1...4).map { F.ticket($0, department: Self.support, created: Self.now.addingTimeInterval(Double($0))) }
        let plan = RoutingPlanner().plan(queue: tickets, agents: agents, cursors: [Self.support: F.user(2)], now: Self.now)
        #expect(Self.pairs(plan) == ["t1>a3", "t2>a1", "t3>a2", "t4>a3"])
        #expect(plan.cursors == [Self.support: F.user(3)])
    }

    @Test func aRestartWithThePersistedCursorContinuesTheRotation() {
        let agents = (1...3).map { F.agent($0, departments: [Self.support], max: 100) }
        let planner = RoutingPlanner()
        var cursors: RoutingCursors = [:]
        var served: [String] = []
        for pass in 0..<4 {
            // A fresh planner value each pass: only the cursors carry over, as across processes.
            let ticket = F.ticket(pass, department: Self.support)
            let plan = planner.plan(queue: [ticket], agents: agents.shuffled(), cursors: cursors, now: Self.now)
            served += plan.assignments.map { "a\(Self.number($0.agentID.description))" }
            cursors = plan.cursors
        }
        #expect(served == ["a1", "a2", "a3", "a1"])
    }

    @Test func roundRobinSkipsAgentsNotEligibleForTheTicket() {
        let agents = [F.agent(1, departments: [Self.support], skills: ["sql"]), F.agent(2, departments: [Self.support]),
                      F.agent(3, departments: [Self.support], skills: ["sql"])]
        let plan = RoutingPlanner().plan(queue: [F.ticket(1, department: Self.support, skills: ["sql"])], agents: agents,
                                         cursors: [Self.support: F.user(1)], now: Self.now)
        #expect(Self.pairs(plan) == ["t1>a3"])
    }

    @Test func eachDepartmentHasItsOwnCursorAndTicketsWithoutOneShareTheirs() {
        let agents = [F.agent(1, departments: [Self.support, Self.billing]), F.agent(2, departments: [Self.support, Self.billing]), F.agent(3)]
        let tickets = [
            F.ticket(1, department: Self.support, created: Self.now.addingTimeInterval(1)),
            F.ticket(2, department: Self.billing, created: Self.now.addingTimeInterval(2)),
            F.ticket(3, department: nil, created: Self.now.addingTimeInterval(3)),
        ]
        let cursors: RoutingCursors = [Self.support: F.user(1), Self.billing: F.user(2), nil: F.user(1)]
        let plan = RoutingPlanner().plan(queue: tickets, agents: agents, cursors: cursors, now: Self.now)
        #expect(Self.pairs(plan) == ["t1>a2", "t2>a1", "t3>a2"], "agent 3 has no department but may take the ticket without one")
        #expect(plan.cursors == [Self.support: F.user(2), Self.billing: F.user(1), nil: F.user(2)])
    }

    @Test func leastLoadedFillsTheEmptiestAgentsAndAdvancesTheCursorToo() {
        let agents = [F.agent(1, departments: [Self.billing], load: 2), F.agent(2, departments: [Self.billing], load: 0),
                      F.agent(3, departments: [Self.billing], load: 1)]
        let tickets = (1...4).map { F.ticket($0, department: Self.billing, created: Self.now.addingTimeInterval(Double($0))) }
        let planner = RoutingPlanner(departments: [Department(id: Self.billing, organizationID: F.org, name: "Billing", routingStrategy: .leastLoaded,
                                                              createdAt: Self.now)])
        let plan = planner.plan(queue: tickets, agents: agents, cursors: [:], now: Self.now)
        // Loads 2,0,1 → 2 gets one (2,1,1) → tie 2 and 3: the rotation after 2 reaches 3 first → (2,1,2)
        // → 2 (2,2,2) → all tied: after 2 comes 3.
        #expect(Self.pairs(plan) == ["t1>a2", "t2>a3", "t3>a2", "t4>a3"])
        #expect(plan.assignments.allSatisfy { $0.strategy == .leastLoaded })
        #expect(plan.cursors == [Self.billing: F.user(3)])
    }

    @Test func departmentsUseTheirStrategyAndOthersTheDefault() {
        let planner = RoutingPlanner(strategies: [Self.billing: .leastLoaded], defaultStrategy: .roundRobin)
        #expect(planner.strategy(for: Self.billing) == .leastLoaded)
        #expect(planner.strategy(for: Self.support) == .roundRobin)
        #expect(planner.strategy(for: nil) == .roundRobin)
        #expect(RoutingPlanner(defaultStrategy: .leastLoaded).strategy(for: nil) == .leastLoaded)
    }

    @Test func unavailableOutOfShiftAndFullAgentsReceiveNothing() {
        let closed = ShiftSchedule(timeZone: "UTC", windows: [ShiftWindow(weekday: 2, startMinute: 0, endMinute: 1440)])
        let agents = [F.agent(1, availability: .busy), F.agent(2, shift: closed), F.agent(3, max: 2, load: 2), F.agent(4, availability: .offline)]
        let plan = RoutingPlanner().plan(queue: [F.ticket(1)], agents: agents, cursors: [:], now: Self.now)
        #expect(plan.assignments.isEmpty)
        #expect(plan.unassigned == [F.ticketID(1)])
    }

    @Test func theSameInputsInAnyOrderGiveTheSamePlan() {
        let agents = (1...6).map { F.agent($0, departments: $0 % 2 == 0 ? [Self.support] : [Self.billing], skills: $0 > 3 ? ["sql"] : [], max: 2) }
        let tickets = (1...15).map {
            F.ticket($0, priority: Priority.allCases[$0 % 4], department: $0 % 3 == 0 ? nil : ($0 % 3 == 1 ? Self.support : Self.billing),
                     skills: $0 % 5 == 0 ? ["sql"] : [], created: Self.now.addingTimeInterval(Double($0 % 4)))
        }
        let planner = RoutingPlanner(strategies: [Self.billing: .leastLoaded])
        let reference = planner.plan(queue: tickets, agents: agents, cursors: [Self.support: F.user(4)], now: Self.now)
        #expect(!reference.assignments.isEmpty)
        for _ in 0..<10 {
            #expect(planner.plan(queue: tickets.shuffled(), agents: agents.shuffled(), cursors: [Self.support: F.user(4)], now: Self.now) == reference)
        }
    }

    @Test func aRepeatedTicketIsAssignedOnceAndARepeatedAgentCountsOnce() {
        let agents = [F.agent(1, max: 1), F.agent(1, max: 5)]
        let plan = RoutingPlanner().plan(queue: [F.ticket(1), F.ticket(1), F.ticket(2)], agents: agents, cursors: [:], now: Self.now)
        #expect(Self.pairs(plan) == ["t1>a1"], "the first snapshot of agent 1 (capacity 1) is the one used")
        #expect(plan.unassigned == [F.ticketID(2)])
    }
}
