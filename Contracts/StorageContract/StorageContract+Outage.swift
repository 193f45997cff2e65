import Domain
import Testing

extension StorageContract {
    /// A failing store says so: `.unavailable`, never nil, empty or "not found".
    static let outageCases: [StorageContractCase] = [
        StorageContractCase("outage: every read throws unavailable, never nil or empty", requires: [.outage]) { storage, subject in
            let fixture = StorageFixture.canonical
            try await fixture.seed(into: storage)
            try await subject.simulateOutage(of: storage)
            let a = fixture.first
            let org = a.organization.id
            let ticket = a.tickets[0]
            let reads: [(String, @Sendable () async throws -> Any)] = [
                ("organization(id:)", { try await storage.organization(id: org) as Any }),
                ("organization(slug:)", { try await storage.organization(slug: a.organization.slug) as Any }),
                ("organizations()", { try await storage.organizations() }),
                ("user(id:in:)", { try await storage.user(id: a.agent.id, in: org) as Any }),
                ("user(email:in:)", { try await storage.user(email: a.agent.email, in: org) as Any }),
                ("users(email:)", { try await storage.users(email: a.customer.email) }),
                ("users(in:role:)", { try await storage.users(in: org, role: nil) }),
                ("agentProfile(userID:in:)", { try await storage.agentProfile(userID: a.agent.id, in: org) as Any }),
                ("agentProfiles(in:)", { try await storage.agentProfiles(in: org) }),
                ("activeTicketCounts(in:)", { try await storage.activeTicketCounts(in: org) }),
                ("department(id:in:)", { try await storage.department(id: a.billing.id, in: org) as Any }),
                ("departments(in:)", { try await storage.departments(in: org) }),
                ("ticket(id:in:)", { try await storage.ticket(id: ticket.id, in: org) as Any }),
                ("ticket(id: absent)", { try await storage.ticket(id: FixtureID.make(5_700, 0), in: org) as Any }),
                ("ticket(number:in:)", { try await storage.ticket(number: ticket.number, in: org) as Any }),
                ("tickets(_:)", { try await storage.tickets(TicketQuery(scope: .organization(org))) }),
                ("idempotencyRecord", { try await storage.idempotencyRecord(organization: org, user: a.customer.id, key: "any") as Any }),
                ("messages(ticket:)", { try await storage.messages(ticket: ticket.id, in: org, includeInternal: true) }),
                ("auditEvents(ticket:)", { try await storage.auditEvents(ticket: ticket.id, in: org) }),
                ("refreshToken(digest:)", { try await storage.refreshToken(digest: "sha256:any") as Any }),
                ("claimJobs", { try await storage.claimJobs(kind: jobKind, holder: "w1", now: jobNow, leaseSeconds: 60, limit: 10) }),
                ("job(id:)", { try await storage.job(id: FixtureID.make(5_730, 0)) as Any }),
                ("jobs(kind:state:limit:)", { try await storage.jobs(kind: jobKind, state: .pending, limit: 10) }),
            ]
            for (name, read) in reads {
                await expectStorageError(.unavailable, "\(name) during an outage") { try await read() }
            }
        },
        StorageContractCase("outage: commit and checkHealth throw unavailable", requires: [.outage]) { storage, subject in
            let fixture = StorageFixture.canonical
            try await fixture.seed(into: storage)
            try await subject.simulateOutage(of: storage)
            let a = fixture.first
            await expectStorageError(.unavailable, "checkHealth() during an outage") { try await storage.checkHealth() }
            let fresh = a.newTicket(space: 5_710, index: 0)
            await expectStorageError(.unavailable, "commit(insertTicket) during an outage") {
                try await storage.commit(UnitOfWork([.insertTicket(fresh, idempotencyKey: nil)]))
            }
            // A change that would also be a conflict is reported as the outage, not as the conflict.
            await expectStorageError(.unavailable, "commit(updateTicket(stale version)) during an outage") {
                try await storage.commit(UnitOfWork([.updateTicket(a.changed(a.tickets[0]), expectedVersion: 99)]))
            }
            let token = a.newRefreshToken(space: 5_731, index: 0, family: tokenFamily(5_731, 1))
            let job = a.newJob(space: 5_732, index: 0, runAt: jobNow)
            let writes: [(String, UnitOfWork.Change)] = [
                ("insertRefreshToken", .insertRefreshToken(token)),
                ("consumeRefreshToken(absent)", .consumeRefreshToken(token.id, organizationID: a.organization.id, at: jobNow)),
                ("revokeRefreshTokenFamily", .revokeRefreshTokenFamily(token.familyID, organizationID: a.organization.id, at: jobNow)),
                ("enqueueJob", .enqueueJob(job)),
                ("completeJob(absent)", .completeJob(job.id, holder: "w1")),
                ("requeueJob(absent)", .requeueJob(job.id, organizationID: a.organization.id, runAt: jobNow)),
            ]
            for (name, change) in writes {
                await expectStorageError(.unavailable, "commit(\(name)) during an outage") { try await storage.commit(UnitOfWork([change])) }
            }
        },
    ]

    /// Versioned schemas migrate idempotently.
    static let migrationCases: [StorageContractCase] = [
        StorageContractCase("migrations: migrate() on a ready store applies nothing and keeps the data", requires: [.migrations]) { storage, _ in
            let migratable = try #require(storage as? any MigratableStorage, "a subject declaring .migrations should make MigratableStorage stores")
            let fixture = StorageFixture.canonical
            try await fixture.seed(into: storage)
            for attempt in 1...2 {
                let applied = try await migratable.migrate()
                #expect(applied.isEmpty, "migrate() #\(attempt) on a ready store should apply nothing, applied \(applied)")
            }
            let a = fixture.first
            #expect(try await storage.ticket(id: a.fullTicket.id, in: a.organization.id) == a.fullTicket, "ticket(id:) after migrate() should be unchanged")
            #expect(try await storage.organizations().count == 2, "organizations() after migrate() should still list both")
            let fresh = a.newTicket(space: 5_720, index: 0)
            let receipt = try await storage.commit(UnitOfWork([.insertTicket(fresh, idempotencyKey: nil)]))
            #expect(receipt.ticketNumbers[fresh.id] == TicketNumber(a.tickets.count + 1), "numbering after migrate() should continue at \(a.tickets.count + 1)")
        },
    ]
}
