import ContractKit
import Foundation
import Domain
import Testing

extension StorageContract {
    static let agentLoadCases: [StorageContractCase] = [
        StorageContractCase("agents: activeTicketCount(of:in:) is each agent's active tickets of that organization, 0 for anyone else") { storage, _ in
            let fixture = StorageFixture.canonical
            try await fixture.seed(into: storage)
            for tenant in [fixture.first, fixture.second] {
                let org = tenant.organization.id
                let counts = try await storage.activeTicketCounts(in: org)
                for user in tenant.users.map(\.id) + [UserID(UUID())] {
                    let expected = tenant.tickets.count { $0.assigneeID == user && $0.status.isActive }
                    let count = try await storage.activeTicketCount(of: user, in: org)
                    #expect(count == expected, "activeTicketCount(of: \(user)) in \(tenant.organization.slug) should be \(expected), is \(count)")
                    #expect(count == counts[user] ?? 0, "activeTicketCount(of:) should agree with activeTicketCounts(in:) for \(user)")
                }
                let other = tenant.organization.id == fixture.first.organization.id ? fixture.second : fixture.first
                #expect(try await storage.activeTicketCount(of: tenant.agent.id, in: other.organization.id) == 0,
                        "an agent of one organization has no active tickets in another")
            }
        },
    ]
}
