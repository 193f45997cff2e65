import Domain
import Testing

extension StorageContract {
    /// Each role's `TicketScope` selects exactly what `TicketScope.contains` accepts.
    static let scopeCases: [StorageContractCase] = [
        scopeCase("ticket scope: admin sees the whole organization") { tenant in
            [Actor(userID: tenant.admin.id, organizationID: tenant.organization.id, role: .admin)]
        },
        scopeCase("ticket scope: customer sees only their own tickets") { tenant in
            [tenant.customer, tenant.secondCustomer, tenant.agent].map { Actor(userID: $0.id, organizationID: tenant.organization.id, role: .customer) }
        },
        scopeCase("ticket scope: agent sees assigned, taken-part and unassigned department tickets") { tenant in
            [tenant.agent, tenant.secondAgent, tenant.supervisor].flatMap { user in
                let profile = tenant.agentProfiles.first { $0.userID == user.id }
                return [profile?.departmentIDs ?? [], [], Set(tenant.departments.map(\.id))].map {
                    Actor(userID: user.id, organizationID: tenant.organization.id, role: .agent, departmentIDs: $0)
                }
            }
        },
        scopeCase("ticket scope: supervisor sees their departments' tickets") { tenant in
            [tenant.supervisor, tenant.agent].flatMap { user in
                [[tenant.billing.id], [tenant.generalSupport.id], Set(tenant.departments.map(\.id)), []].map {
                    Actor(userID: user.id, organizationID: tenant.organization.id, role: .supervisor, departmentIDs: $0)
                }
            }
        },
    ]

    private static func scopeCase(_ name: String, actors: @escaping @Sendable (StorageFixture.Tenant) -> [Actor]) -> StorageContractCase {
        StorageContractCase(name) { storage, _ in
            let fixture = StorageFixture.canonical
            try await fixture.seed(into: storage)
            let everything = fixture.tenants.flatMap(\.tickets)
            var sawSome = false, sawLess = false
            for tenant in fixture.tenants {
                for actor in actors(tenant) {
                    let scope = TicketScope.for(actor)
                    let label = "tickets(scope: \(actor.role) \(tenant.user(actor.userID)?.email.value ?? "?") with \(actor.departmentIDs.count) departments in \(tenant.organization.slug))"
                    for sort in [TicketSort(), TicketSort(field: .priority, descending: true)] {
                        let query = TicketQuery(scope: scope, sort: sort, limit: 5)
                        let walked = try await walk(storage, query, label: label)
                        let expected = reference(query, over: everything)
                        expectTickets(walked, expected, label)
                        sawSome = sawSome || !expected.isEmpty
                        sawLess = sawLess || expected.count < tenant.tickets.count
                    }
                }
            }
            #expect(sawSome, "fixture: \(name) should select some tickets")
            if !name.contains("admin") { #expect(sawLess, "fixture: \(name) should hide some tickets") }
        }
    }
}
