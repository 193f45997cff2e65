import Domain
import Testing

extension StorageContract {
    /// Ticket numbers: 1, 2, 3 … per organization, allocated by storage, gap-free under concurrency.
    static let ticketNumberCases: [StorageContractCase] = [
        StorageContractCase("ticket numbers: 1, 2, 3 … per organization, independent across organizations") { storage, _ in
            let fixture = StorageFixture.canonical
            try await fixture.seed(into: storage)
            // The seed inserted the tenants' tickets alternately; each counted from 1 on its own.
            for tenant in fixture.tenants {
                for (index, ticket) in tenant.tickets.enumerated() {
                    let stored = try await storage.ticket(id: ticket.id, in: tenant.organization.id)
                    #expect(stored?.number == TicketNumber(index + 1), "ticket(id:) of \(tenant.organization.slug)'s ticket #\(index + 1) should carry number \(index + 1), got \(String(describing: stored?.number.value))")
                }
            }
            // Storage ignores the number a ticket carries, and numbers every insert of a unit.
            let a = fixture.first, b = fixture.second
            var bogus = a.newTicket(space: 5_200, index: 0)
            bogus.number = TicketNumber(999)
            let pair = [a.newTicket(space: 5_200, index: 1), a.newTicket(space: 5_200, index: 2)]
            let first = try await storage.commit(UnitOfWork([.insertTicket(bogus, idempotencyKey: nil)]))
            #expect(first.ticketNumbers == [bogus.id: TicketNumber(a.tickets.count + 1)], "commit(insertTicket(number: 999)) should allocate \(a.tickets.count + 1), ignoring the carried number")
            let both = try await storage.commit(UnitOfWork(pair.map { .insertTicket($0, idempotencyKey: nil) }))
            #expect(
                both.ticketNumbers == [pair[0].id: TicketNumber(a.tickets.count + 2), pair[1].id: TicketNumber(a.tickets.count + 3)],
                "commit(two insertTicket) should allocate consecutive numbers in order, got \(both.ticketNumbers.mapValues(\.value))"
            )
            let other = b.newTicket(space: 5_201, index: 0)
            let elsewhere = try await storage.commit(UnitOfWork([.insertTicket(other, idempotencyKey: nil)]))
            #expect(elsewhere.ticketNumbers == [other.id: TicketNumber(b.tickets.count + 1)], "globex's next number should follow globex's own count, not acme's")
            #expect(try await storage.ticket(number: TicketNumber(a.tickets.count + 1), in: a.organization.id)?.id == bogus.id, "ticket(number: \(a.tickets.count + 1), in: acme) should find the ticket that was given it")
        },
        StorageContractCase("ticket numbers: unique and gap-free under 40 concurrent commits") { storage, _ in
            let fixture = StorageFixture.canonical
            try await fixture.seed(into: storage)
            let a = fixture.first, b = fixture.second
            let perTenant = [(a, 40), (b, 15)]
            let receipts = try await withThrowingTaskGroup(of: (OrganizationID, CommitReceipt).self) { group in
                for (tenant, count) in perTenant {
                    for index in 0..<count {
                        let ticket = tenant.newTicket(space: 5_210 + tenant.space, index: index)
                        let event = tenant.newAuditEvent(for: ticket, space: 5_211 + tenant.space, index: index, kind: .created)
                        group.addTask {
                            (tenant.organization.id, try await storage.commit(UnitOfWork([.insertTicket(ticket, idempotencyKey: nil), .appendAuditEvent(event)])))
                        }
                    }
                }
                var all: [(OrganizationID, CommitReceipt)] = []
                for try await receipt in group { all.append(receipt) }
                return all
            }
            for (tenant, count) in perTenant {
                let org = tenant.organization.id
                let allocated = receipts.filter { $0.0 == org }.flatMap { $0.1.ticketNumbers.map { ($0.key, $0.value) } }
                let numbers = allocated.map(\.1.value).sorted()
                let expected = Array((tenant.tickets.count + 1)...(tenant.tickets.count + count))
                #expect(numbers == expected, "\(count) concurrent commit(insertTicket) in \(tenant.organization.slug) should allocate exactly \(expected.first!)…\(expected.last!), got \(numbers)")
                for (id, number) in allocated {
                    let byNumber = try await storage.ticket(number: number, in: org)
                    #expect(byNumber?.id == id, "ticket(number: \(number.value), in: \(tenant.organization.slug)) should be the ticket whose receipt reported it")
                    #expect(byNumber?.number == number, "ticket(number: \(number.value)) should carry that number")
                }
            }
        },
    ]

    /// Creation with an idempotency key is done once.
    static let idempotencyCases: [StorageContractCase] = [
        StorageContractCase("idempotent creation: a second insert with the same key fails as duplicate and writes nothing") { storage, _ in
            let fixture = StorageFixture.canonical
            try await fixture.seed(into: storage)
            let a = fixture.first
            let org = a.organization.id
            let key = IdempotencyKey(organizationID: org, userID: a.customer.id, key: "retry-me", fingerprint: "sha256:first")
            let original = a.newTicket(space: 5_220, index: 0)
            let receipt = try await storage.commit(UnitOfWork([
                .insertTicket(original, idempotencyKey: key), .appendAuditEvent(a.newAuditEvent(for: original, space: 5_221, index: 0, kind: .created)),
            ]))
            let number = TicketNumber(a.tickets.count + 1)
            #expect(receipt.ticketNumbers == [original.id: number], "the first insert with key retry-me should get number \(number.value)")

            for (attempt, fingerprint) in ["sha256:first", "sha256:different-body"].enumerated() {
                let retry = a.newTicket(space: 5_222, index: attempt)
                let retryKey = IdempotencyKey(organizationID: org, userID: a.customer.id, key: "retry-me", fingerprint: fingerprint)
                let event = a.newAuditEvent(for: retry, space: 5_223, index: attempt, kind: .created)
                await expectStorageError(.duplicate(.idempotencyKey), "commit(insertTicket(key: retry-me, fingerprint: \(fingerprint))) after the first succeeded") {
                    try await storage.commit(UnitOfWork([.insertTicket(retry, idempotencyKey: retryKey), .appendAuditEvent(event)]))
                }
                #expect(try await storage.ticket(id: retry.id, in: org) == nil, "ticket(id:) of the refused retry \(attempt) should be nil")
                #expect(try await storage.auditEvents(ticket: retry.id, in: org).isEmpty, "auditEvents of the refused retry \(attempt) should be empty")
            }
            let record = try await storage.idempotencyRecord(organization: org, user: a.customer.id, key: "retry-me")
            #expect(record == IdempotencyRecord(key: key, ticketID: original.id), "idempotencyRecord(key: retry-me) should return the first ticket and the first fingerprint, got \(String(describing: record))")
            let next = a.newTicket(space: 5_224, index: 0)
            let later = try await storage.commit(UnitOfWork([.insertTicket(next, idempotencyKey: nil)]))
            #expect(later.ticketNumbers[next.id] == TicketNumber(number.value + 1), "refused retries should consume no ticket number: the next insert should get \(number.value + 1)")
            #expect(try await storage.ticket(number: TicketNumber(number.value), in: org)?.id == original.id, "ticket(number:) should still be the first ticket")
        },
        StorageContractCase("idempotent creation: keys are scoped to the organization and the user") { storage, _ in
            let fixture = StorageFixture.canonical
            try await fixture.seed(into: storage)
            let a = fixture.first, b = fixture.second
            let seeded = try #require(a.idempotencyRecords.first, "fixture: acme should have an idempotency record")
            // Same key text, other user of the same organization.
            let otherUser = a.newTicket(space: 5_230, index: 0)
            let otherUserKey = IdempotencyKey(organizationID: a.organization.id, userID: a.admin.id, key: seeded.key.key, fingerprint: "f")
            _ = try await storage.commit(UnitOfWork([.insertTicket(otherUser, idempotencyKey: otherUserKey)]))
            // Same key text, the same-email customer of the other organization.
            let otherOrg = b.newTicket(space: 5_231, index: 0)
            let otherOrgKey = IdempotencyKey(organizationID: b.organization.id, userID: b.customer.id, key: "brand-new", fingerprint: "f")
            let sameText = IdempotencyKey(organizationID: a.organization.id, userID: a.customer.id, key: "brand-new", fingerprint: "f")
            let mine = a.newTicket(space: 5_232, index: 0)
            _ = try await storage.commit(UnitOfWork([.insertTicket(otherOrg, idempotencyKey: otherOrgKey)]))
            _ = try await storage.commit(UnitOfWork([.insertTicket(mine, idempotencyKey: sameText)]))
            #expect(
                try await storage.idempotencyRecord(organization: a.organization.id, user: a.admin.id, key: seeded.key.key) == IdempotencyRecord(key: otherUserKey, ticketID: otherUser.id),
                "the same key text from another user should be a separate record"
            )
            #expect(
                try await storage.idempotencyRecord(organization: b.organization.id, user: b.customer.id, key: "brand-new") == IdempotencyRecord(key: otherOrgKey, ticketID: otherOrg.id),
                "globex's key brand-new should name globex's ticket"
            )
            #expect(
                try await storage.idempotencyRecord(organization: a.organization.id, user: a.customer.id, key: "brand-new") == IdempotencyRecord(key: sameText, ticketID: mine.id),
                "acme's key brand-new should name acme's ticket"
            )
            #expect(
                try await storage.idempotencyRecord(organization: b.organization.id, user: a.customer.id, key: seeded.key.key) == nil,
                "idempotencyRecord(organization: globex, user: an acme user, key: acme's key) should be nil"
            )
        },
    ]
}
