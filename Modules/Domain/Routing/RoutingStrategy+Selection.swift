extension RoutingStrategy {
    /// Picks the agent for one ticket among `candidates` — the agents eligible for it, in any order — given the
    /// department's cursor (the agent it served last); `nil` when none has capacity.
    ///
    /// - Round robin: the first agent with capacity whose id follows the cursor in id order, wrapping to the
    ///   smallest id. No cursor (or a cursor naming an agent who has left) still works: the order is by id, so
    ///   the turn passes to whoever follows that id. This is what makes the rotation fair across restarts and
    ///   worker processes: the only state is the persisted cursor.
    /// - Least loaded: the fewest active tickets; ties go to the agent round robin would reach first from the
    ///   cursor, so equally loaded agents still take turns instead of the smallest id always winning.
    public func choose(among candidates: [AgentSnapshot], after cursor: UserID?) -> UserID? {
        let sorted = candidates.sorted { $0.id < $1.id }
        let position = pick(
            count: sorted.count, after: cursor, id: { sorted[$0].id }, load: { sorted[$0].activeTickets },
            hasCapacity: { sorted[$0].hasCapacity }
        )
        return position.map { sorted[$0].id }
    }

    /// The algorithm of `choose(among:after:)` over positions `0 ..< count` sorted by strictly increasing id;
    /// shared with the planner, which keeps its agents in arrays.
    @inline(__always)
    func pick(
        count: Int, after cursor: UserID?, id: (Int) -> UserID, load: (Int) -> Int, hasCapacity: (Int) -> Bool
    ) -> Int? {
        guard count > 0 else { return nil }
        let start = cursor.map { Self.firstPosition(after: $0, count: count, id: id) } ?? 0
        var best: Int?
        for step in 0..<count {
            var position = start + step
            if position >= count { position -= count }
            guard hasCapacity(position) else { continue }
            switch self {
            case .roundRobin:
                return position
            case .leastLoaded:
                // Strictly fewer: among equals the first in rotation order stays.
                if let current = best, load(position) >= load(current) { continue }
                best = position
            }
        }
        return best
    }

    /// The first position whose id is greater than `cursor` (binary search); `count` when there is none.
    static func firstPosition(after cursor: UserID, count: Int, id: (Int) -> UserID) -> Int {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if cursor < id(middle) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
