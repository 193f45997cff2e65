import Domain
import Foundation
import GRDB
@testable import SQLiteStorage
import Testing

/// What only the SQLite adapter promises about sessions and jobs: claims stay exclusive between separate
/// connections to one file (as between processes), the claim reads its index in order, and a file of the
/// previous schema version gains the new tables without losing data. The port's rules are in the contract.
@Suite struct SQLiteJobStorageTests {
    let folder: TemporaryDirectory
    let organization = Organization(
        id: OrganizationID(UUID()), slug: "acme", name: "Acme", createdAt: Date(millisecondsSince1970: 1_767_225_600_000))
    let now = Date(millisecondsSince1970: 1_767_300_000_000)

    init() throws { folder = try TemporaryDirectory() }

    private func job(_ index: Int, kind: String = "deliver") -> Job {
        Job(
            id: JobID(UUID()), organizationID: organization.id, kind: kind, payload: "{\"index\":\(index)}",
            runAt: Date(millisecondsSince1970: now.millisecondsSince1970 - Int64(index % 13) * 1_000), createdAt: organization.createdAt)
    }

    @Test func claimsThroughTwoConnectionsToOneFileNeverOverlap() async throws {
        let first = try SQLiteStorage(path: folder.path())
        try await first.migrate()
        // A second pool has its own writer connection: to SQLite it is another process.
        let second = try SQLiteStorage(path: folder.path())
        let jobs = (0..<300).map { job($0) }
        _ = try await first.commit(UnitOfWork([.insertOrganization(organization)] + jobs.map { .enqueueJob($0) }))

        let received = try await withThrowingTaskGroup(of: [JobID].self) { group in
            for worker in 0..<8 {
                let storage = worker.isMultiple(of: 2) ? first : second
                group.addTask {
                    var mine: [JobID] = []
                    while true {
                        let claimed = try await storage.claimJobs(kind: "deliver", holder: "worker-\(worker)", now: now, leaseSeconds: 600, limit: 5)
                        if claimed.isEmpty { return mine }
                        mine += claimed.map(\.id)
                    }
                }
            }
            return try await group.reduce(into: [JobID]()) { $0 += $1 }
        }
        #expect(received.count == Set(received).count, "claims through two connections should never hand one job out twice: \(received.count - Set(received).count) repeats")
        #expect(Set(received) == Set(jobs.map(\.id)), "claims through two connections should together hand out all \(jobs.count) jobs, handed out \(Set(received).count)")
    }

    @Test func claimAndListReadTheClaimIndexInOrder() async throws {
        let storage = try SQLiteStorage(path: folder.path())
        try await storage.migrate()
        let plans = try await storage.pool.read { db in
            [
                ("claimJobs", try queryPlan(db, JobRow.claimSQL, ["w", 0, "deliver", 0, 0, 10])),
                ("jobs(kind:state:limit:)", try queryPlan(db, JobRow.listSQL, ["deliver", "pending", 10])),
            ]
        }
        for (operation, plan) in plans {
            let text = plan.joined(separator: " | ")
            #expect(text.contains("jobs_claim"), "\(operation) should search the jobs_claim index, plan: \(text)")
            #expect(!text.contains("TEMP B-TREE"), "\(operation) should read jobs in index order without sorting, plan: \(text)")
        }
    }

    @Test func aVersion1FileGainsSessionsAndJobsAndKeepsItsData() async throws {
        do {
            // A file as the previous release left it.
            let queue = try DatabaseQueue(path: folder.path())
            try SchemaMigrations.migrator.migrate(queue, upTo: "v1_core")
            let organization = organization
            try await queue.write { db in try OrganizationRow(organization).insert(db) }
            try queue.close()
        }
        let storage = try SQLiteStorage(path: folder.path())
        #expect(try await storage.migrate() == ["v2_sessions_jobs", "v3_attachments", "v4_sla", "v5_routing", "v6_realtime", "v7_routing_policy", "v8_sla_verdicts", "v9_tag_list_order"], "migrate() on a v1 file should apply only the later migrations")
        #expect(try await storage.organization(id: organization.id) == organization, "organization(id:) written under v1 should read back after v2")
        let pending = job(0)
        _ = try await storage.commit(UnitOfWork([.enqueueJob(pending)]))
        #expect(try await storage.job(id: pending.id) == pending, "job(id:) of a job enqueued after the upgrade should read back")
    }

    @Test func aJobRowThatCannotBeReadIsUnavailableNotAbsent() async throws {
        let storage = try SQLiteStorage(path: folder.path())
        try await storage.migrate()
        let stored = job(0)
        _ = try await storage.commit(UnitOfWork([.insertOrganization(organization), .enqueueJob(stored)]))
        try await storage.pool.write { db in
            try db.execute(sql: "UPDATE jobs SET state = 'exploded' WHERE id = ?", arguments: [stored.id.description])
        }
        do {
            let read = try await storage.job(id: stored.id)
            Issue.record("job(id:) of a row with an unknown state should throw .unavailable, returned \(String(describing: read))")
        } catch let error as StorageError {
            guard case .unavailable = error else { Issue.record("job(id:) of an unreadable row should throw .unavailable, got \(error)"); return }
        }
    }
}
