import Domain
import Foundation
import Testing

/// The choice among eligible agents: round robin after the cursor in id order (wrapping), least loaded with
/// ties in that same rotation.
struct RoutingStrategyTests {
    typealias F = RoutingFixture

    static func agents(_ loads: [Int: Int], max: Int = 5) -> [AgentSnapshot] {
        loads.map { F.agent($0.key, max: max, load: $0.value) }
    }

    @Test func roundRobinTakesTheFirstAgentAfterTheCursorInIdOrder() {
        let three = Self.agents([3: 0, 1: 0, 2: 0])
        #expect(RoutingStrategy.roundRobin.choose(among: three, after: nil) == F.user(1), "no cursor: the smallest id")
        #expect(RoutingStrategy.roundRobin.choose(among: three, after: F.user(1)) == F.user(2))
        #expect(RoutingStrategy.roundRobin.choose(among: three, after: F.user(2)) == F.user(3))
    }

    @Test func roundRobinWrapsAroundAfterTheLargestId() {
        let three = Self.agents([1: 0, 2: 0, 3: 0])
        #expect(RoutingStrategy.roundRobin.choose(among: three, after: F.user(3)) == F.user(1))
    }

    @Test func aCursorNamingAnAbsentAgentPassesTheTurnToWhoeverFollowsItsId() {
        let some = Self.agents([2: 0, 5: 0, 8: 0])
        #expect(RoutingStrategy.roundRobin.choose(among: some, after: F.user(4)) == F.user(5), "between ids")
        #expect(RoutingStrategy.roundRobin.choose(among: some, after: F.user(9)) == F.user(2), "beyond the largest: wrap")
        #expect(RoutingStrategy.roundRobin.choose(among: some, after: F.user(1)) == F.user(2), "before the smallest")
    }

    @Test func roundRobinSkipsAgentsWithoutCapacity() {
        let agents = [F.agent(1, max: 2, load: 0), F.agent(2, max: 2, load: 2), F.agent(3, max: 2, load: 5)]
        #expect(RoutingStrategy.roundRobin.choose(among: agents, after: F.user(1)) == F.user(1), "2 and 3 are full: around to 1")
        #expect(RoutingStrategy.roundRobin.choose(among: [F.agent(2, max: 2, load: 2)], after: nil) == nil, "nobody has room")
        #expect(RoutingStrategy.roundRobin.choose(among: [], after: F.user(1)) == nil)
    }

    @Test func leastLoadedTakesTheAgentWithFewestActiveTickets() {
        let agents = Self.agents([1: 3, 2: 1, 3: 2])
        #expect(RoutingStrategy.leastLoaded.choose(among: agents, after: nil) == F.user(2))
        #expect(RoutingStrategy.leastLoaded.choose(among: agents, after: F.user(2)) == F.user(2), "load decides before the rotation")
    }

    @Test func leastLoadedBreaksTiesInRoundRobinOrderFromTheCursor() {
        let agents = Self.agents([1: 1, 2: 4, 3: 1, 4: 1])
        #expect(RoutingStrategy.leastLoaded.choose(among: agents, after: nil) == F.user(1))
        #expect(RoutingStrategy.leastLoaded.choose(among: agents, after: F.user(1)) == F.user(3))
        #expect(RoutingStrategy.leastLoaded.choose(among: agents, after: F.user(3)) == F.user(4))
        #expect(RoutingStrategy.leastLoaded.choose(among: agents, after: F.user(4)) == F.user(1), "wraps")
    }

    @Test func leastLoadedIgnoresAgentsWithoutCapacity() {
        let agents = [F.agent(1, max: 0, load: 0), F.agent(2, max: 3, load: 2)]
        #expect(RoutingStrategy.leastLoaded.choose(among: agents, after: nil) == F.user(2))
    }

    @Test("both strategies agree with the list-rotation reference", arguments: RoutingStrategy.allCases, 0..<25)
    func agreesWithTheOracle(strategy: RoutingStrategy, seed: Int) {
        var random = SeededRandom(seed: UInt64(seed))
        let ids = random.distinct(.random(in: 0...8, using: &random), from: 1...20)
        let agents = ids.map { F.agent($0, max: .random(in: 0...3, using: &random), load: .random(in: 0...3, using: &random)) }
        let cursor = random.chance(0.2) ? nil : F.user(.random(in: 0...21, using: &random))
        let reference = RoutingOracle.choice(strategy, among: agents.filter(\.hasCapacity).map { ($0.id, $0.activeTickets) }, after: cursor)
        #expect(strategy.choose(among: agents, after: cursor) == reference, "seed \(seed): \(strategy) among \(ids) after \(String(describing: cursor))")
    }
}
