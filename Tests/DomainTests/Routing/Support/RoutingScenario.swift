import Domain
import Foundation

/// A random routing situation: agents with random shifts, zones, capacities, loads, departments, skills, languages
/// and tiers; tickets with random statuses, priorities, departments, needs, ages and SLA due times; random cursors.
/// Small enough that every pair can be checked, varied enough to hit the edges (full agents, empty departments,
/// unknown zones, DST days, other organizations, repeated timestamps).
struct RoutingScenario: CustomStringConvertible {
    let seed: UInt64
    let now: Date
    let agents: [AgentSnapshot]
    let tickets: [QueuedTicket]
    let cursors: RoutingCursors
    let planner: RoutingPlanner

    static let skills = ["billing", "sql", "vip"]
    static let languages = ["en", "de", "fr"]
    static let zones = ["UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe", "Pacific/Kiritimati", "Nowhere/Atlantis"]
    /// Instants near the 2025 DST changes of these zones, and one ordinary summer day.
    static let anchors = ["2025-03-09T07:00:00Z", "2025-03-30T01:00:00Z", "2025-04-05T15:00:00Z", "2025-10-26T01:00:00Z", "2025-11-02T06:00:00Z",
                          "2025-06-18T12:00:00Z"].map(RoutingFixture.date)

    var description: String { "seed \(seed): \(agents.count) agents, \(tickets.count) tickets" }

    init(seed: UInt64) {
        var random = SeededRandom(seed: seed)
        self.seed = seed
        let now = Self.anchors.randomElement(using: &random)!.addingTimeInterval(Double(Int.random(in: -72...72, using: &random)) * 1800)
        self.now = now
        let departments = (1...Int.random(in: 1...3, using: &random)).map(RoutingFixture.department)
        // One department that no agent belongs to, so that some tickets have nobody.
        let ticketDepartments = departments + [RoutingFixture.department(99)]
        var strategies: [DepartmentID: RoutingStrategy] = [:]
        for department in departments where random.chance(0.7) { strategies[department] = RoutingStrategy.allCases.randomElement(using: &random)! }
        planner = RoutingPlanner(strategies: strategies, defaultStrategy: RoutingStrategy.allCases.randomElement(using: &random)!)

        let agentNumbers = random.distinct(.random(in: 0...16, using: &random), from: 1...40)
        var agents: [AgentSnapshot] = []
        for number in agentNumbers {
            let availability: Availability = random.chance(0.8) ? .available : Availability.allCases.randomElement(using: &random)!
            var agentDepartments = random.subset(of: departments)
            if agentDepartments.isEmpty, random.chance(0.7) { agentDepartments.insert(departments.randomElement(using: &random)!) }
            agents.append(RoutingFixture.agent(
                number, org: random.chance(0.05) ? RoutingFixture.otherOrg : RoutingFixture.org, departments: agentDepartments,
                tier: .random(in: 1...3, using: &random), skills: random.subset(of: Self.skills, keeping: 0.6),
                languages: random.subset(of: Self.languages, keeping: 0.6), availability: availability, max: .random(in: 0...5, using: &random),
                load: .random(in: 0...3, using: &random), shift: Self.shift(using: &random)
            ))
        }
        self.agents = agents

        let ticketNumbers = random.distinct(.random(in: 0...40, using: &random), from: 1...500)
        tickets = ticketNumbers.map { number in
            let status: TicketStatus = random.chance(0.8)
                ? [.open, .reopened, .escalated].randomElement(using: &random)! : TicketStatus.allCases.randomElement(using: &random)!
            // Coarse times so that ties on SLA and age happen and the id decides.
            let created = now.addingTimeInterval(-3600 * Double(Int.random(in: 0...6, using: &random)))
            let due = random.chance(0.5) ? nil : now.addingTimeInterval(1800 * Double(Int.random(in: -2...3, using: &random)))
            return RoutingFixture.ticket(
                number, org: random.chance(0.05) ? RoutingFixture.otherOrg : RoutingFixture.org, priority: Priority.allCases.randomElement(using: &random)!,
                status: status, assignee: random.chance(0.1) ? RoutingFixture.user(.random(in: 1...40, using: &random)) : nil,
                department: random.chance(0.2) ? nil : ticketDepartments.randomElement(using: &random)!,
                tier: random.chance(0.6) ? 1 : .random(in: 2...3, using: &random), skills: random.subset(of: Self.skills, keeping: 0.2),
                language: random.chance(0.5) ? nil : (Self.languages + ["ja"]).randomElement(using: &random)!, created: created, sla: due
            )
        }

        var cursors: RoutingCursors = [:]
        for department in [nil] + departments.map(Optional.some) where random.chance(0.5) {
            cursors[department] = RoutingFixture.user(.random(in: 0...41, using: &random))
        }
        self.cursors = cursors
    }

    /// Round the clock, nothing, or a few random windows (some of them invalid) in a random zone.
    static func shift(using random: inout SeededRandom) -> ShiftSchedule {
        let zone = zones.randomElement(using: &random)!
        if random.chance(0.5) { return ShiftSchedule(timeZone: zone) }
        if random.chance(0.05) { return ShiftSchedule(timeZone: zone, windows: []) }
        let windows = (0..<Int.random(in: 1...10, using: &random)).map { _ in
            let start = 30 * Int.random(in: 0..<48, using: &random)
            let end = random.chance(0.05) ? start : min(1440, start + 30 * Int.random(in: 1...24, using: &random))
            return ShiftWindow(weekday: .random(in: 1...7, using: &random), startMinute: start, endMinute: end)
        }
        return ShiftSchedule(timeZone: zone, windows: windows)
    }

    func plan() -> RoutingPlan { planner.plan(queue: tickets, agents: agents, cursors: cursors, now: now) }
}
