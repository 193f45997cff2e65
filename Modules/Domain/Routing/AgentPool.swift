import Foundation

/// The agents of one pass, indexed so that a ticket does not rescan every agent.
///
/// Only agents ready at the instant (available, in shift, below capacity) enter, sorted by id. The candidates for
/// a kind of ticket (organization, department, tier, skills, language) are computed once from the department's
/// members and reused by every ticket of that kind; agents who fill up are dropped from a list the next time it
/// is used, so round robin finds its agent without skipping over full ones.
struct AgentPool {
    private let profiles: [AgentProfile]
    private let ids: [UserID]
    private let capacities: [Int]
    private var loads: [Int]
    /// Positions of each department's members, in id order.
    private let members: [DepartmentID: [Int]]
    /// Candidate positions per kind of ticket, in id order.
    private var lists: [[Int]] = []
    private var listByKind: [Kind: Int] = [:]
    /// `filled` when each list was last cleaned of full agents.
    private var cleanedAt: [Int] = []
    /// How many agents have filled up so far in the pass.
    private var filled = 0

    /// Everything of a ticket that decides which agents match it.
    private struct Kind: Hashable {
        let organizationID: OrganizationID
        let departmentID: DepartmentID?
        let tier: Int
        let requiredSkills: Set<String>
        let language: String?
    }

    init(_ agents: [AgentSnapshot], readyAt now: Date) {
        var seen = Set<UserID>()
        let ready = agents.filter { seen.insert($0.id).inserted }
            .filter { RoutingPolicy.isReady($0, at: now) }
            .sorted { $0.id < $1.id }
        profiles = ready.map(\.profile)
        ids = ready.map(\.id)
        capacities = ready.map(\.profile.maxConcurrentTickets)
        loads = ready.map(\.activeTickets)
        var members: [DepartmentID: [Int]] = [:]
        for (position, profile) in profiles.enumerated() {
            for department in profile.departmentIDs { members[department, default: []].append(position) }
        }
        self.members = members
    }

    /// Chooses an agent for `ticket` by `strategy` from the pool's cursor and counts the ticket against them.
    mutating func take(_ ticket: QueuedTicket, strategy: RoutingStrategy, after cursor: UserID?) -> UserID? {
        let list = candidateList(for: ticket)
        if cleanedAt[list] < filled { clean(list) }
        guard let position = choose(in: list, by: strategy, after: cursor) else { return nil }
        loads[position] += 1
        if loads[position] >= capacities[position] { filled += 1 }
        return ids[position]
    }

    private func choose(in list: Int, by strategy: RoutingStrategy, after cursor: UserID?) -> Int? {
        let candidates = lists[list]
        let picked = strategy.pick(
            count: candidates.count, after: cursor, id: { ids[candidates[$0]] }, load: { loads[candidates[$0]] },
            hasCapacity: { loads[candidates[$0]] < capacities[candidates[$0]] }
        )
        return picked.map { candidates[$0] }
    }

    private mutating func candidateList(for ticket: QueuedTicket) -> Int {
        let kind = Kind(
            organizationID: ticket.organizationID, departmentID: ticket.departmentID, tier: ticket.tier,
            requiredSkills: ticket.requiredSkills, language: ticket.language
        )
        if let list = listByKind[kind] { return list }
        let pool = ticket.departmentID.map { members[$0] ?? [] } ?? Array(profiles.indices)
        let (profiles, loads, capacities) = (self.profiles, self.loads, self.capacities)
        lists.append(pool.filter { loads[$0] < capacities[$0] && RoutingPolicy.matches(profiles[$0], ticket) })
        cleanedAt.append(filled)
        listByKind[kind] = lists.count - 1
        return lists.count - 1
    }

    private mutating func clean(_ list: Int) {
        let (loads, capacities) = (self.loads, self.capacities)
        lists[list].removeAll { loads[$0] >= capacities[$0] }
        cleanedAt[list] = filled
    }
}
