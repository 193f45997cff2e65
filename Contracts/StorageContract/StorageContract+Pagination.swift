import Domain
import Testing

extension StorageContract {
    /// Cursor pagination: complete, without duplicates, and stable while tickets are added.
    static let paginationCases: [StorageContractCase] = [
        StorageContractCase("ticket list: cursor pagination walks every page without duplicates or gaps") { storage, _ in
            let fixture = StorageFixture.canonical
            try await fixture.seed(into: storage)
            let a = fixture.first
            let everything = fixture.tenants.flatMap(\.tickets)
            let sorts = [TicketSort(), TicketSort(field: .priority, descending: true), TicketSort(field: .updatedAt, descending: false), TicketSort(field: .number, descending: false)]
            let filters = [TicketFilter(), TicketFilter(statuses: Set(TicketStatus.active))]
            for sort in sorts {
                for filter in filters {
                    for limit in [1, 2, 3, 7, a.tickets.count - 1, a.tickets.count, a.tickets.count + 1] {
                        let query = TicketQuery(scope: .organization(a.organization.id), filter: filter, sort: sort, limit: limit)
                        let label = "tickets(sort: \(sort.descending ? "-" : "")\(sort.field), limit: \(limit), filter: \(filter == TicketFilter() ? "none" : "active"))"
                        var pages: [Page<Ticket>] = []
                        var next = query
                        repeat {
                            let page = try await storage.tickets(next)
                            pages.append(page)
                            next.cursor = page.nextCursor
                        } while next.cursor != nil && pages.count < 100
                        let walked = pages.flatMap(\.items)
                        let expected = reference(query, over: everything)
                        expectTickets(walked, expected, "\(label): the walk")
                        for (index, page) in pages.enumerated() {
                            let isLast = index == pages.count - 1
                            #expect(isLast ? page.items.count <= limit : page.items.count == limit, "\(label): page \(index + 1) should hold \(isLast ? "at most" : "exactly") \(limit) items, got \(page.items.count)")
                            #expect(isLast == (page.nextCursor == nil), "\(label): only the last page should have no nextCursor (page \(index + 1) of \(pages.count))")
                        }
                        #expect(pages.count == max(1, (expected.count + limit - 1) / limit), "\(label): \(expected.count) tickets should take \(max(1, (expected.count + limit - 1) / limit)) pages, took \(pages.count)")
                    }
                }
            }
        },
        StorageContractCase("ticket list: a cursor of the wire form resumes where the page ended") { storage, _ in
            let fixture = StorageFixture.canonical
            try await fixture.seed(into: storage)
            let a = fixture.first
            let query = TicketQuery(scope: .organization(a.organization.id), sort: TicketSort(field: .priority, descending: true), limit: 4)
            let first = try await storage.tickets(query)
            let cursor = try #require(first.nextCursor, "tickets(limit: 4) over \(a.tickets.count) tickets should have a nextCursor")
            #expect(cursor == TicketCursor(after: first.items[first.items.count - 1], sort: query.sort), "nextCursor should be the key and id of the page's last ticket")
            var resumed = query
            let decoded = TicketCursor(encoded: cursor.encoded)
            #expect(decoded == cursor, "TicketCursor(encoded:) should parse the wire form \(cursor.encoded) back to the cursor")
            resumed.cursor = decoded
            let second = try await storage.tickets(resumed)
            #expect(second.items == Array(reference(query, over: a.tickets).dropFirst(4).prefix(4)), "tickets(cursor: decoded wire form) should return the next 4 tickets")
        },
        StorageContractCase("ticket list: a page walk stays stable when tickets are inserted between pages") { storage, _ in
            let fixture = StorageFixture.canonical
            try await fixture.seed(into: storage)
            let a = fixture.first
            let org = a.organization.id
            for (round, sort) in [TicketSort(), TicketSort(field: .number, descending: false), TicketSort(field: .priority, descending: true)].enumerated() {
                let label = "walk(sort: \(sort.descending ? "-" : "")\(sort.field), limit: 4) with inserts between pages"
                var query = TicketQuery(scope: .organization(org), sort: sort, limit: 4)
                let before = try await walk(storage, query, label: label)
                var seen: [Ticket] = []
                var ahead: [Ticket] = [], behind: [Ticket] = []
                var inserted = 0
                var pageCount = 0
                while true {
                    let page = try await storage.tickets(query)
                    seen += page.items
                    pageCount += 1
                    guard let cursor = page.nextCursor, pageCount < 100 else { break }
                    // Two tickets per page: one created long before the seed, one long after. Those the
                    // cursor admits must still come; those behind it must not.
                    for minutes in [-50_000 - inserted, 50_000 + inserted] {
                        var ticket = a.newTicket(space: 5_500 + UInt64(round), index: inserted, minutes: minutes)
                        let receipt = try await storage.commit(UnitOfWork([.insertTicket(ticket, idempotencyKey: nil)]))
                        ticket.number = receipt.ticketNumbers[ticket.id] ?? ticket.number
                        if cursor.admits(ticket, sort: sort) { ahead.append(ticket) } else { behind.append(ticket) }
                        inserted += 1
                    }
                    query.cursor = cursor
                }
                let ids = seen.map(\.id)
                #expect(Set(ids).count == ids.count, "\(label): no ticket should appear twice, got \(numbers(seen))")
                #expect(Set(before.map(\.id)).isSubset(of: Set(ids)), "\(label): every ticket present before the walk should be returned")
                #expect(zip(seen, seen.dropFirst()).allSatisfy { sort.precedes($0, $1) }, "\(label): the walk should stay in sort order, got \(numbers(seen))")
                #expect(Set(ahead.map(\.id)).isSubset(of: Set(ids)), "\(label): tickets inserted ahead of the cursor should be returned later in the walk")
                #expect(Set(behind.map(\.id)).isDisjoint(with: Set(ids)), "\(label): tickets inserted behind the cursor should not be returned")
                #expect(inserted > 0, "fixture: \(label) should have inserted tickets between pages")
            }
        },
    ]
}
