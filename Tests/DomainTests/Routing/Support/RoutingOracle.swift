import Domain
import Foundation

/// The §5 rules restated plainly and independently of the production code, as the reference the properties
/// compare against: local time by offset arithmetic instead of `Calendar`, eligibility as a checklist, the queue
/// as a sort by key, and each strategy's choice by filtering and rotating a list.
enum RoutingOracle {
    /// Local weekday (1 = Monday) and minute of day by adding the zone's offset at that instant.
    static func localWeekTime(_ instant: Date, zone: TimeZone) -> (weekday: Int, minute: Int) {
        let local = Int(instant.timeIntervalSince1970.rounded(.down)) + zone.secondsFromGMT(for: instant)
        let days = Int((Double(local) / 86_400).rounded(.down))
        let secondOfDay = local - days * 86_400
        // 1970-01-01 was a Thursday (weekday 4).
        let weekday = ((days + 3) % 7 + 7) % 7 + 1
        return (weekday, secondOfDay / 60)
    }

    static func inShift(_ shift: ShiftSchedule, at instant: Date) -> Bool {
        guard let zone = TimeZone(identifier: shift.timeZone) else { return false }
        let (weekday, minute) = localWeekTime(instant, zone: zone)
        return shift.windows.contains { window in
            (1...7).contains(window.weekday) && window.startMinute >= 0 && window.endMinute <= 1440
                && window.weekday == weekday && window.startMinute <= minute && minute < window.endMinute
        }
    }

    /// Available, in shift, below capacity at the start of the pass.
    static func ready(_ agent: AgentSnapshot, at now: Date) -> Bool {
        agent.profile.availability == .available && inShift(agent.profile.shift, at: now)
            && agent.activeTickets < agent.profile.maxConcurrentTickets
    }

    /// Organization, department, skills, language, tier.
    static func matches(_ agent: AgentSnapshot, _ ticket: QueuedTicket) -> Bool {
        let profile = agent.profile
        guard profile.organizationID == ticket.organizationID, profile.tier >= ticket.tier else { return false }
        if let department = ticket.departmentID, !profile.departmentIDs.contains(department) { return false }
        if let language = ticket.language, !profile.languages.contains(language) { return false }
        return ticket.requiredSkills.allSatisfy { profile.skills.contains($0) }
    }

    static func waiting(_ ticket: QueuedTicket) -> Bool {
        ticket.assigneeID == nil && [.open, .reopened, .escalated].contains(ticket.status)
    }

    /// The waiting tickets, sorted by (priority descending, has no SLA, SLA due, created, id), first of each id.
    static func queue(_ tickets: [QueuedTicket]) -> [QueuedTicket] {
        let sorted = tickets.filter(waiting).sorted { a, b in
            let keyA = (-a.priority.rank, a.slaDueAt == nil ? 1 : 0, a.slaDueAt ?? .distantPast, a.createdAt)
            let keyB = (-b.priority.rank, b.slaDueAt == nil ? 1 : 0, b.slaDueAt ?? .distantPast, b.createdAt)
            return keyA != keyB ? keyA < keyB : a.id < b.id
        }
        var seen = Set<TicketID>()
        return sorted.filter { seen.insert($0.id).inserted }
    }

    /// The choice a strategy must make among `candidates` (eligible, with capacity): rotate the id-sorted list to
    /// start after the cursor, then take the first (round robin) or the first with the fewest tickets (least loaded).
    static func choice(_ strategy: RoutingStrategy, among candidates: [(id: UserID, load: Int)], after cursor: UserID?) -> UserID? {
        let sorted = candidates.sorted { $0.id < $1.id }
        let rotated = sorted.filter { cursor == nil || $0.id > cursor! } + sorted.filter { cursor != nil && $0.id <= cursor! }
        switch strategy {
        case .roundRobin: return rotated.first?.id
        case .leastLoaded:
            guard let fewest = rotated.map(\.load).min() else { return nil }
            return rotated.first { $0.load == fewest }?.id
        }
    }

    /// The whole pass, simulated one ticket at a time from the rules above: the reference plan.
    static func plan(
        _ tickets: [QueuedTicket], _ agents: [AgentSnapshot], cursors: RoutingCursors, now: Date,
        strategy: (DepartmentID?) -> RoutingStrategy
    ) -> RoutingPlan {
        var firstSnapshots: [AgentSnapshot] = []
        for agent in agents where !firstSnapshots.contains(where: { $0.id == agent.id }) { firstSnapshots.append(agent) }
        let ready = firstSnapshots.filter { self.ready($0, at: now) }
        var loads = Dictionary(uniqueKeysWithValues: ready.map { ($0.id, $0.activeTickets) })
        var cursors = cursors
        var assignments: [RoutingPlan.Assignment] = []
        var unassigned: [TicketID] = []
        for ticket in queue(tickets) {
            let candidates = ready.filter { matches($0, ticket) && loads[$0.id]! < $0.profile.maxConcurrentTickets }
                .map { (id: $0.id, load: loads[$0.id]!) }
            let chosenStrategy = strategy(ticket.departmentID)
            if let agent = choice(chosenStrategy, among: candidates, after: cursors[ticket.departmentID]) {
                loads[agent]! += 1
                cursors[ticket.departmentID] = agent
                assignments.append(.init(ticketID: ticket.id, agentID: agent, departmentID: ticket.departmentID, strategy: chosenStrategy))
            } else {
                unassigned.append(ticket.id)
            }
        }
        return RoutingPlan(assignments: assignments, cursors: cursors, unassigned: unassigned)
    }
}
