import Domain
import Foundation
import PostgresStorage
import Testing
import TestSupport

/// The cross-process promises, with several `PostgresStorage` instances on one schema: each has its own
/// pool and connections, as separate API or worker processes would.
@Suite(.postgresServer, .freshPostgresDatabase)
struct PostgresConcurrencyTests {
    let database: PostgresTestDatabase

    init() throws { database = try PostgresTestDatabase.required() }

    /// Runs `body` with `count` stores on one fresh, migrated schema, then stops them and drops it.
    private func withStores(_ count: Int, _ body: ([PostgresStorage]) async throws -> Void) async throws {
        let schema = try await database.makeSchema()
        let stores = (0..<count).map { _ in database.start(schema: schema) }
        do {
            try await stores[0].storage.migrate()
            try await body(stores.map(\.storage))
        } catch {
            for store in stores { await store.stop() }
            try? await database.dropSchema(schema)
            throw error
        }
        for store in stores { await store.stop() }
        try await database.dropSchema(schema)
    }

    @Test func ticketNumbersStayUniqueAndSequentialAcrossInstances() async throws {
        try await withStores(4) { stores throws in
            let organization = PostgresTestData.organization()
            _ = try await stores[0].commit(UnitOfWork([.insertOrganization(organization)]))
            let perStore = 25
            let started = ContinuousClock.now
            let allocated = try await withThrowingTaskGroup(of: [(TicketID, TicketNumber)].self) { group in
                for (storeIndex, store) in stores.enumerated() {
                    for index in 0..<perStore {
                        let ticket = PostgresTestData.ticket(in: organization.id, index: storeIndex * perStore + index)
                        let event = PostgresTestData.auditEvent(of: ticket, kind: .created)
                        group.addTask {
                            let receipt = try await store.commit(UnitOfWork([.insertTicket(ticket, idempotencyKey: nil), .appendAuditEvent(event)]))
                            return receipt.ticketNumbers.map { ($0.key, $0.value) }
                        }
                    }
                }
                var all: [(TicketID, TicketNumber)] = []
                for try await numbers in group { all += numbers }
                return all
            }
            let elapsed = ContinuousClock.now - started
            let total = stores.count * perStore
            #expect(allocated.map(\.1.value).sorted() == Array(1...total), "\(total) concurrent creations on \(stores.count) instances should allocate exactly 1…\(total)")
            // Read back through an instance that did not allocate the number.
            for (offset, (id, number)) in allocated.enumerated() {
                let reader = stores[(offset + 1) % stores.count]
                #expect(try await reader.ticket(number: number, in: organization.id)?.id == id, "ticket(number: \(number.value)) read through another instance should be the ticket that got it")
            }
            print("PostgresConcurrencyTests: \(total) ticket creations (ticket + audit event) from \(stores.count) instances in \(elapsed)")
        }
    }

    @Test func claimersOnSeparateInstancesNeverShareAJob() async throws {
        try await withStores(4) { stores throws in
            let organization = PostgresTestData.organization()
            let jobs = (0..<120).map { PostgresTestData.job(in: organization.id, index: $0) }
            _ = try await stores[0].commit(UnitOfWork([.insertOrganization(organization)] + jobs.map { .enqueueJob($0) }))
            let now = Date(millisecondsSince1970: PostgresTestData.epoch.millisecondsSince1970 + 3_600_000)
            // Two claimers per instance, each claiming small batches until nothing is left.
            let claims = try await withThrowingTaskGroup(of: [Job].self) { group in
                for (storeIndex, store) in stores.enumerated() {
                    for worker in 0..<2 {
                        group.addTask {
                            var mine: [Job] = []
                            while true {
                                let batch = try await store.claimJobs(
                                    kind: "deliver_notification", holder: "store\(storeIndex)-worker\(worker)", now: now, leaseSeconds: 600, limit: 3)
                                if batch.isEmpty { return mine }
                                mine += batch
                            }
                        }
                    }
                }
                var all: [[Job]] = []
                for try await claimed in group { all.append(claimed) }
                return all
            }
            let claimed = claims.flatMap { $0 }
            let ids = claimed.map(\.id)
            #expect(Set(ids).count == ids.count, "no job should be claimed twice while its lease is valid; \(ids.count - Set(ids).count) were")
            #expect(Set(ids) == Set(jobs.map(\.id)), "the claimers together should have claimed every job, \(Set(ids).count) of \(jobs.count)")
            #expect(claimed.allSatisfy { $0.attempts == 1 }, "each job should have been claimed once (attempts 1)")
            #expect(claims.filter { !$0.isEmpty }.count > 1, "more than one claimer should have got work")
            // Each claimer finishes its own jobs; nobody else's lease lets them.
            for job in claimed.prefix(10) {
                _ = try await stores[1].commit(UnitOfWork([.completeJob(job.id, holder: job.lease!.holder)]))
            }
            #expect(try await stores[2].jobs(kind: "deliver_notification", state: .pending, limit: 500).count == jobs.count - 10, "completed jobs should be gone")
        }
    }
}
