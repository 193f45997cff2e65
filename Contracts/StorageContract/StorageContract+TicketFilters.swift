import Domain
import Foundation
import Testing

extension StorageContract {
    /// One case per `TicketFilter` condition, each with several values, compared with `TicketQuery.matches`.
    static var filterCases: [StorageContractCase] {
        let a = StorageFixture.canonical.first
        let t = a.tickets
        let unknownUser: UserID = FixtureID.make(5_400, 0)
        let unknownDepartment: DepartmentID = FixtureID.make(5_400, 1)
        // Boundaries fall exactly on stored instants, so inclusive and exclusive bounds are both exercised.
        let someCreated = t[9].createdAt, someUpdated = t[10].updatedAt
        let filters: [(String, [TicketFilter])] = [
            ("statuses", [.init(statuses: [.open]), .init(statuses: [.resolved, .closed]), .init(statuses: Set(TicketStatus.allCases))]),
            ("priorities", [.init(priorities: [.urgent]), .init(priorities: [.low, .high])]),
            ("categories", [.init(categories: ["booking"]), .init(categories: ["payment", "technical"]), .init(categories: ["no-such-category"])]),
            ("assignee", [.init(assignee: AssigneeFilter.none), .init(assignee: .user(a.agent.id)), .init(assignee: .user(a.supervisor.id)), .init(assignee: .user(unknownUser))]),
            ("departments", [.init(departmentIDs: [a.billing.id]), .init(departmentIDs: [a.generalSupport.id, a.billing.id]), .init(departmentIDs: [unknownDepartment])]),
            ("tag", [.init(tag: "vip"), .init(tag: "VIP"), .init(tag: "late-arrival"), .init(tag: "chargeback"), .init(tag: "no-such-tag")]),
            ("customer", [.init(customerID: a.customer.id), .init(customerID: a.secondCustomer.id), .init(customerID: a.agent.id)]),
            ("channels", [.init(channels: [.email]), .init(channels: [.chat, .phone])]),
            ("created range", [.init(createdFrom: someCreated), .init(createdBefore: someCreated), .init(createdFrom: t[3].createdAt, createdBefore: someCreated)]),
            ("updated range", [.init(updatedFrom: someUpdated), .init(updatedBefore: someUpdated), .init(updatedFrom: t[2].updatedAt, updatedBefore: someUpdated)]),
            ("conditions combined", [
                .init(statuses: Set(TicketStatus.active), priorities: [.urgent, .high, .medium], tag: "vip"),
                .init(categories: ["account", "booking"], assignee: AssigneeFilter.none, departmentIDs: [a.generalSupport.id], channels: [.web, .email, .chat]),
                .init(customerID: a.customer.id, createdFrom: t[3].createdAt, updatedBefore: someUpdated),
            ]),
        ]
        return filters.map { name, values in
            StorageContractCase("ticket list: filter by \(name)") { storage, _ in
                let fixture = StorageFixture.canonical
                try await fixture.seed(into: storage)
                let everything = fixture.tenants.flatMap(\.tickets)
                var selectedSomething = false
                for filter in values {
                    let query = TicketQuery(scope: .organization(a.organization.id), filter: filter, limit: TicketQuery.maximumLimit)
                    let page = try await storage.tickets(query)
                    let expected = reference(query, over: everything)
                    selectedSomething = selectedSomething || !expected.isEmpty
                    expectTickets(page.items, expected, "tickets(filter: \(filter))")
                    #expect(page.nextCursor == nil, "tickets(filter: \(filter), limit: 200) over \(everything.count) tickets should be the last page")
                }
                #expect(selectedSomething, "fixture: the values of filter \(name) should select at least one ticket")
            }
        }
    }

    /// One case per sort field and direction, compared with `TicketSort.precedes` (ties broken by id).
    static var sortCases: [StorageContractCase] {
        TicketSort.Field.allCases.flatMap { field in
            [false, true].map { descending in
                let sort = TicketSort(field: field, descending: descending)
                return StorageContractCase("ticket list: sort by \(descending ? "-" : "")\(field.rawValue)") { storage, _ in
                    let fixture = StorageFixture.canonical
                    try await fixture.seed(into: storage)
                    for tenant in fixture.tenants {
                        let query = TicketQuery(scope: .organization(tenant.organization.id), sort: sort, limit: TicketQuery.maximumLimit)
                        let page = try await storage.tickets(query)
                        let expected = reference(query, over: tenant.tickets)
                        expectTickets(page.items, expected, "tickets(\(tenant.organization.slug), sort: \(descending ? "-" : "")\(field))")
                    }
                }
            }
        }
    }
}
