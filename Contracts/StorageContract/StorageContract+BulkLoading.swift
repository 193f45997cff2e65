import Domain
import Foundation
import Testing

extension StorageContract {
    /// `BulkLoading`: bulk-loaded data is indistinguishable from committed data, and numbering continues after it.
    static let bulkLoadingCases: [StorageContractCase] = [
        StorageContractCase("bulk load: people, tickets, threads, history and SLA records read back as loaded; the next insert gets the next number", requires: [.bulkLoading]) { storage, _ in
            let loader = try #require(storage as? any BulkLoading, "a subject declaring .bulkLoading should make stores that are BulkLoading")
            // Another organization is present, to show that loading neither touches nor sees it.
            let fixture = StorageFixture.canonical
            try await fixture.seed(into: storage)
            let seed = BulkSeed.bulkContractSeed
            let people = seed.people()
            try await loader.load(people)
            var tickets: [Ticket] = [], messages: [Message] = [], events: [AuditEvent] = [], records: [TicketSLA] = []
            for index in 0..<seed.ticketBatchCount {
                let batch = seed.tickets(batch: index)
                try await loader.load(batch)
                tickets += batch.tickets
                messages += batch.messages
                events += batch.auditEvents
                records += batch.ticketSLAs
            }
            let org = seed.organization.id
            #expect(try await storage.organization(slug: seed.plan.organizationSlug) == seed.organization, "organization(slug: bulk) should read back the loaded organization")
            #expect(try await storage.departments(in: org) == people.departments.sorted { $0.name < $1.name }, "departments(in: bulk) should be the loaded departments by name")
            #expect(try await storage.users(in: org, role: nil) == people.users.sorted { $0.id < $1.id }, "users(in: bulk) should be the loaded users by id")
            #expect(try await storage.agentProfiles(in: org) == people.agentProfiles.sorted { $0.userID < $1.userID }, "agentProfiles(in: bulk) should be the loaded profiles by user id")
            #expect(try await storage.tickets(TicketQuery(scope: .organization(fixture.first.organization.id), limit: TicketQuery.maximumLimit)).items.count == fixture.first.tickets.count, "tickets(in: acme) should be untouched by the load")
            for ticket in tickets {
                #expect(try await storage.ticket(id: ticket.id, in: org) == ticket, "ticket(id:) of loaded ticket #\(ticket.number.value) should equal it")
                #expect(try await storage.ticket(number: ticket.number, in: org)?.id == ticket.id, "ticket(number: \(ticket.number.value), in: bulk) should find the ticket loaded with it")
                let thread = messages.filter { $0.ticketID == ticket.id }.sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
                #expect(try await storage.messages(ticket: ticket.id, in: org, includeInternal: true) == thread, "messages(ticket: #\(ticket.number.value), includeInternal: true) should be its loaded thread in order")
                #expect(try await storage.messages(ticket: ticket.id, in: org, includeInternal: false) == thread.filter { !$0.isInternal }, "messages(ticket: #\(ticket.number.value), includeInternal: false) should leave out its internal notes")
                #expect(try await storage.auditEvents(ticket: ticket.id, in: org) == events.filter { $0.ticketID == ticket.id }, "auditEvents(ticket: #\(ticket.number.value)) should be its loaded history in order")
            }
            // SLA records read back by ticket, through the worker's due-time index and by creation period.
            #expect(records.count == tickets.count && records.contains { !$0.reported.isEmpty } && records.contains { $0.nextCheckAt != nil },
                    "the contract's bulk dataset should give every ticket an SLA record, some with reported crossings and some still due later")
            for record in records {
                let ticket = tickets.first { $0.id == record.ticketID }?.number.value ?? 0
                #expect(try await storage.ticketSLA(ticket: record.ticketID, in: org) == record, "ticketSLA(ticket: #\(ticket)) should equal its loaded record")
            }
            let dueAt = seed.plan.end.addingTimeInterval(6 * 3_600)
            let due = records.filter { $0.nextCheckAt.map { $0 <= dueAt } ?? false }
                .sorted { ($0.nextCheckAt!, $0.ticketID) < ($1.nextCheckAt!, $1.ticketID) }.map(\.ticketID)
            let listedDue = try await storage.ticketSLAsDue(at: dueAt, limit: 10_000).filter { $0.organizationID == org }.map(\.ticketID)
            #expect(!due.isEmpty && listedDue == due, "ticketSLAsDue(at: end + 6 h) should list the \(due.count) loaded records due by then, earliest first, got \(listedDue.count)")
            let created = records.sorted { ($0.ticketCreatedAt, $0.ticketID) < ($1.ticketCreatedAt, $1.ticketID) }
            #expect(try await storage.ticketSLAs(in: org, createdFrom: seed.organization.createdAt, before: seed.plan.end.addingTimeInterval(1)) == created, "ticketSLAs(in: bulk, created over the whole plan) should be the loaded records in creation order")
            // Lists filter and scope loaded tickets like committed ones (tag and participant rows included).
            let agent = seed.agentIDs[0]
            let queries = [
                TicketQuery(scope: .organization(org), limit: TicketQuery.maximumLimit),
                TicketQuery(scope: .organization(org), filter: TicketFilter(tag: "refund"), limit: TicketQuery.maximumLimit),
                TicketQuery(scope: .organization(org), filter: TicketFilter(statuses: [.open, .reopened], priorities: [.high, .urgent]), limit: TicketQuery.maximumLimit),
                TicketQuery(scope: .staff(org, user: agent, departments: [], wholeDepartments: false), limit: TicketQuery.maximumLimit),
                TicketQuery(scope: .customer(org, seed.customerIDs[0]), limit: TicketQuery.maximumLimit),
            ]
            for query in queries {
                let expected = tickets.filter(query.matches).sorted(by: query.sort.precedes).map(\.number.value)
                let listed = try await storage.tickets(query).items.map(\.number.value)
                #expect(listed == expected, "tickets(\(query.filter), scope \(query.scope)) over loaded tickets should list \(expected), got \(listed)")
            }
            // Normal numbering continues after the loaded numbers.
            let next = Ticket(
                id: FixtureID.make(5_900, 0), organizationID: org, customerID: seed.customerIDs[0], contact: Contact(name: "After load"),
                subject: "After the load", description: "numbered after the loaded tickets", createdAt: FixtureTime.at(minutes: 1))
            let receipt = try await storage.commit(UnitOfWork([.insertTicket(next, idempotencyKey: nil)]))
            #expect(receipt.ticketNumbers[next.id] == TicketNumber(seed.plan.tickets + 1), "commit(insertTicket) after loading \(seed.plan.tickets) tickets should allocate \(seed.plan.tickets + 1), got \(String(describing: receipt.ticketNumbers[next.id]?.value))")
            #expect(try await storage.ticket(number: TicketNumber(seed.plan.tickets + 1), in: org)?.id == next.id, "ticket(number: \(seed.plan.tickets + 1)) should be the ticket committed after the load")
        },
        StorageContractCase("bulk load: a batch that fails part-way writes nothing", requires: [.bulkLoading]) { storage, _ in
            let loader = try #require(storage as? any BulkLoading, "a subject declaring .bulkLoading should make stores that are BulkLoading")
            let seed = BulkSeed.bulkContractSeed
            try await loader.load(seed.people())
            var batch = seed.tickets(batch: 0)
            let duplicate = try #require(batch.messages.first, "the contract's first bulk batch should have messages")
            batch.messages.append(duplicate)
            await #expect(throws: StorageError.self, "load(batch with a message id twice) should fail") { try await loader.load(batch) }
            let org = seed.organization.id
            for ticket in batch.tickets {
                #expect(try await storage.ticket(id: ticket.id, in: org) == nil, "ticket #\(ticket.number.value) of a failed load should not be stored")
                #expect(try await storage.ticketSLA(ticket: ticket.id, in: org) == nil, "the SLA record of ticket #\(ticket.number.value) of a failed load should not be stored")
            }
            // The counter did not move either: the next insert is number 1.
            let first = Ticket(
                id: FixtureID.make(5_901, 0), organizationID: org, customerID: seed.customerIDs[0], contact: Contact(name: "First"),
                subject: "First", description: "the first real ticket", createdAt: FixtureTime.at(minutes: 1))
            let receipt = try await storage.commit(UnitOfWork([.insertTicket(first, idempotencyKey: nil)]))
            #expect(receipt.ticketNumbers[first.id] == TicketNumber(1), "commit(insertTicket) after a failed load should allocate 1, got \(String(describing: receipt.ticketNumbers[first.id]?.value))")
        },
    ]
}

extension BulkSeed {
    /// The contract's bulk dataset: small, but every ticket state, threads with internal notes, and three batches.
    static let bulkContractSeed = BulkSeed(.init(
        organizationSlug: "bulk", tickets: 60, agents: 3, customers: 4, batchSize: 25, seed: 42,
        end: FixtureTime.at(minutes: 600), passwordHash: "$2b$04$contractcontractcontractcontractcontractcontractcon"))
}
