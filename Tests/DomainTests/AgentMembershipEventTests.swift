import Domain
import Foundation
import Testing

/// A change of a staff member's departments is announced as a domain event, so that real-time
/// subscriptions that depended on the old membership are checked again at once.
@Suite struct AgentMembershipEventTests {
    @Test func `changing an agent's departments records agent.departments_changed; other profile changes record nothing`() async throws {
        let w = try await World.make()
        try await w.relayEvents()
        let before = w.transport.published.count

        _ = try await w.agents.update(w.agent2.userID, .init(tier: 2), actor: w.admin)
        try await w.relayEvents()
        #expect(w.transport.published.count == before, "a tier change announces nothing: \(w.transport.published.dropFirst(before).map(\.kind.rawValue))")

        _ = try await w.agents.update(w.agent2.userID, .init(departmentIDs: [w.billing.id]), actor: w.admin)
        try await w.relayEvents()
        let events = Array(w.transport.published.dropFirst(before))
        #expect(events.map(\.kind) == [.agentDepartmentsChanged], "the membership change is announced once: \(events.map(\.kind.rawValue))")
        let event = try #require(events.first)
        #expect(event.agentID == w.agent2.userID && event.organizationID == w.org.id, "it names the agent and organization: \(event)")
        #expect(event.staffOnly, "membership is staff business")
        #expect(event.data["departmentIds"] == w.billing.id.description && event.data["previousDepartmentIds"] == w.support.id.description,
                "it says the new and previous departments: \(event.data)")

        _ = try await w.agents.update(w.agent2.userID, .init(departmentIDs: [w.billing.id]), actor: w.admin)
        try await w.relayEvents()
        #expect(w.transport.published.count == before + 1, "setting the same departments again announces nothing")
    }
}
