import Domain
import Testing

extension StorageContract {
    /// A unit of work is applied whole and in order, or not at all.
    static let unitOfWorkCases: [StorageContractCase] = [
        StorageContractCase("unit of work: a version conflict late in the unit leaves nothing of its earlier changes") { storage, _ in
            let fixture = StorageFixture.canonical
            try await fixture.seed(into: storage)
            let a = fixture.first
            let stale = a.tickets[3]
            try await expectUnitLeavesNothing(
                storage, a, failingWith: .updateTicket(a.changed(stale), expectedVersion: stale.version + 5),
                expected: .versionConflict, label: "commit(… , updateTicket(expectedVersion: stale))"
            )
        },
        StorageContractCase("unit of work: a duplicate late in the unit leaves nothing of its earlier changes") { storage, _ in
            let fixture = StorageFixture.canonical
            try await fixture.seed(into: storage)
            let a = fixture.first
            var twin = a.customer
            twin = User(id: FixtureID.make(5_009, 1), organizationID: a.organization.id, email: a.admin.email, name: "Twin", role: .customer,
                        passwordHash: "x", createdAt: twin.createdAt)
            try await expectUnitLeavesNothing(
                storage, a, failingWith: .insertUser(twin), expected: .duplicate(.userEmail), label: "commit(… , insertUser(duplicate email))"
            )
        },
        StorageContractCase("unit of work: a successful unit makes the ticket change and its audit event visible together") { storage, _ in
            let fixture = StorageFixture.canonical
            try await fixture.seed(into: storage)
            let a = fixture.first
            let org = a.organization.id
            let before = a.tickets[5]
            let after = a.changed(before) { $0.status = .inProgress; $0.assigneeID = a.agent.id }
            let event = a.newAuditEvent(for: before, space: 5_010, index: 0, kind: .statusChanged)
            let note = a.newMessage(on: before, space: 5_011, index: 0, isInternal: true)
            let fresh = a.newTicket(space: 5_012, index: 0)
            let created = a.newAuditEvent(for: fresh, space: 5_010, index: 1, kind: .created)
            let receipt = try await storage.commit(UnitOfWork([
                .updateTicket(after, expectedVersion: before.version), .appendAuditEvent(event), .insertMessage(note),
                .insertTicket(fresh, idempotencyKey: nil), .appendAuditEvent(created),
            ]))
            let number = TicketNumber(a.tickets.count + 1)
            #expect(receipt.ticketNumbers == [fresh.id: number], "commit(update + audit + message + insertTicket) should report number \(number.value) for the new ticket")
            #expect(try await storage.ticket(id: before.id, in: org) == after, "ticket(id:) after a successful update should equal the written ticket, with its new version")
            let events = try await storage.auditEvents(ticket: before.id, in: org)
            #expect(events.last == event, "auditEvents(ticket:) after the unit should end with the event committed with the change")
            let thread = try await storage.messages(ticket: before.id, in: org, includeInternal: true)
            #expect(thread.contains(note), "messages(ticket:) after the unit should contain the message committed with it")
            var stored = fresh
            stored.number = number
            #expect(try await storage.ticket(id: fresh.id, in: org) == stored, "ticket(id:) of the ticket inserted by the unit should equal it with its number")
            #expect(try await storage.auditEvents(ticket: fresh.id, in: org) == [created], "auditEvents(ticket:) of the new ticket should be its creation event")
        },
        StorageContractCase("unit of work: concurrent readers never see a ticket change without its audit event") { storage, _ in
            let fixture = StorageFixture.canonical
            try await fixture.seed(into: storage)
            let a = fixture.first
            let org = a.organization.id
            let start = a.tickets[6]
            let baseEvents = a.auditEvents.filter { $0.ticketID == start.id }.count
            let rounds = 20
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    var current = start
                    for round in 1...rounds {
                        let next = a.changed(current) { $0.subject = "round \(round)" }
                        let event = a.newAuditEvent(for: current, space: 5_015, index: round)
                        _ = try await storage.commit(UnitOfWork([.updateTicket(next, expectedVersion: current.version), .appendAuditEvent(event)]))
                        current = next
                    }
                }
                group.addTask {
                    // Ticket first, then its events: once a version is visible, its event must be too.
                    for _ in 0..<5_000 {
                        guard let ticket = try await storage.ticket(id: start.id, in: org) else {
                            Issue.record("ticket(id:) of a seeded ticket should not be nil while it is being updated")
                            return
                        }
                        let applied = ticket.version - start.version
                        let events = try await storage.auditEvents(ticket: start.id, in: org)
                        #expect(events.count >= baseEvents + applied, "auditEvents(ticket:) read after seeing version \(ticket.version) should hold that update's event: \(events.count) < \(baseEvents + applied)")
                        if applied == rounds { return }
                        await Task.yield()
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await storage.auditEvents(ticket: start.id, in: org).count == baseEvents + rounds, "auditEvents(ticket:) after \(rounds) updates should hold one event per update")
        },
        StorageContractCase("unit of work: changes apply in order within one unit") { storage, _ in
            let fixture = StorageFixture.canonical
            try await fixture.seed(into: storage)
            let a = fixture.first
            let org = a.organization.id
            // A ticket inserted and then updated twice in the same unit; a user inserted and given a profile.
            let fresh = a.newTicket(space: 5_020, index: 0)
            let once = a.changed(fresh) { $0.priority = .urgent }
            let twice = a.changed(once) { $0.status = .assigned; $0.assigneeID = a.agent.id }
            let user = User(id: FixtureID.make(5_021, 0), organizationID: org, email: EmailAddress("new.agent@acme.test")!, name: "New Agent",
                            role: .agent, passwordHash: "h", createdAt: FixtureTime.at(minutes: 10))
            let profile = AgentProfile(userID: user.id, organizationID: org, departmentIDs: [a.billing.id], createdAt: FixtureTime.at(minutes: 10))
            _ = try await storage.commit(UnitOfWork([
                .insertTicket(fresh, idempotencyKey: nil),
                .updateTicket(once, expectedVersion: fresh.version),
                .updateTicket(twice, expectedVersion: once.version),
                .insertUser(user), .insertAgentProfile(profile),
            ]))
            var expected = twice
            expected.number = TicketNumber(a.tickets.count + 1)
            #expect(try await storage.ticket(id: fresh.id, in: org) == expected, "ticket(id:) after insert + two updates in one unit should equal the last update")
            #expect(try await storage.agentProfile(userID: user.id, in: org) == profile, "agentProfile(userID:) of a user inserted in the same unit should be stored")
        },
    ]

    /// Commits a unit that first writes one of everything, then `failingWith`; the unit must fail with
    /// `expected` and none of its earlier writes may be visible, nor any ticket number consumed.
    static func expectUnitLeavesNothing(
        _ storage: any Storage, _ a: StorageFixture.Tenant, failingWith last: UnitOfWork.Change, expected: ExpectedStorageError, label: String
    ) async throws {
        let org = a.organization.id
        let target = a.tickets[0]
        let fresh = a.newTicket(space: 5_001, index: 0)
        let updated = a.changed(target) { $0.priority = .urgent }
        let event = a.newAuditEvent(for: target, space: 5_002, index: 0)
        let createdEvent = a.newAuditEvent(for: fresh, space: 5_002, index: 1, kind: .created)
        let message = a.newMessage(on: target, space: 5_003, index: 0)
        var renamed = a.customer
        renamed.name = "Renamed"
        renamed.version += 1
        let department = Department(id: FixtureID.make(5_004, 0), organizationID: org, name: "Escalations", createdAt: FixtureTime.at(minutes: 1))
        let key = IdempotencyKey(organizationID: org, userID: a.customer.id, key: "atomic-key", fingerprint: "f")
        let unit = UnitOfWork([
            .insertTicket(fresh, idempotencyKey: key), .appendAuditEvent(createdEvent),
            .updateTicket(updated, expectedVersion: target.version), .appendAuditEvent(event), .insertMessage(message),
            .updateUser(renamed, expectedVersion: a.customer.version), .insertDepartment(department),
            last,
        ])
        await expectStorageError(expected, label) { try await storage.commit(unit) }

        #expect(try await storage.ticket(id: fresh.id, in: org) == nil, "\(label): ticket(id:) of the ticket inserted earlier in the failed unit should be nil")
        #expect(try await storage.auditEvents(ticket: fresh.id, in: org).isEmpty, "\(label): auditEvents of the ticket inserted by the failed unit should be empty")
        #expect(try await storage.idempotencyRecord(organization: org, user: a.customer.id, key: "atomic-key") == nil, "\(label): the failed unit's idempotency key should not be stored")
        #expect(try await storage.ticket(id: target.id, in: org) == target, "\(label): ticket(id:) updated earlier in the failed unit should be unchanged")
        #expect(
            try await storage.auditEvents(ticket: target.id, in: org) == a.auditEvents.filter { $0.ticketID == target.id },
            "\(label): auditEvents(ticket:) should not contain the failed unit's audit event"
        )
        #expect(
            try await storage.messages(ticket: target.id, in: org, includeInternal: true).map(\.id).contains(message.id) == false,
            "\(label): messages(ticket:) should not contain the failed unit's message"
        )
        #expect(try await storage.user(id: a.customer.id, in: org) == a.customer, "\(label): user(id:) updated earlier in the failed unit should be unchanged")
        #expect(try await storage.department(id: department.id, in: org) == nil, "\(label): department inserted earlier in the failed unit should be nil")

        // The failed unit consumed no ticket number.
        let next = a.newTicket(space: 5_005, index: 0)
        let receipt = try await storage.commit(UnitOfWork([.insertTicket(next, idempotencyKey: nil)]))
        let number = TicketNumber(a.tickets.count + 1)
        #expect(receipt.ticketNumbers[next.id] == number, "\(label): the next insert after the failed unit should get number \(number.value), got \(String(describing: receipt.ticketNumbers[next.id]?.value))")
    }
}
