import Domain
import Foundation
import Logging
import PostgresNIO
import PostgresStorage
import SQLiteStorage

/// Auto-assignment throughput (§15: 10,000 queued tickets over 500 agents in under 2 s), in a scratch database of
/// its own (an SQLite file, or a PostgreSQL schema) so that neither the HTTP scenarios' data nor the API's embedded
/// auto-assignment touches it. The dataset is bulk-loaded, then `AssignmentUseCases.assignQueued` runs pass after
/// pass until the queue is empty, exactly as the worker would (several decisions per guarded unit of work,
/// `decisionsPerUnit`; 1 gives every decision its own unit, as before batching).
/// The pure `RoutingPlanner` over the same in-memory data, and one pass's snapshot reads, are timed apart so that
/// the report shows where the time goes.
enum AssignmentBenchmark {
    enum Database {
        case sqlite(path: String)
        case postgres(url: String)
    }

    static func run(_ database: Database, tickets: Int, agents: Int, batchSize: Int, decisionsPerUnit: Int) async throws -> AssignmentResult {
        switch database {
        case .sqlite(let path):
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            let storage = try SQLiteStorage(path: path)
            try await storage.migrate()
            do {
                let result = try await measure(storage, database: "sqlite", tickets: tickets, agents: agents, batchSize: batchSize, decisionsPerUnit: decisionsPerUnit)
                try storage.close()
                return result
            } catch {
                try? storage.close()
                throw error
            }
        case .postgres(let url):
            guard let parts = URLComponents(string: url), let host = parts.host, let user = parts.user else {
                throw APIClient.Failure(description: "not a postgres:// URL: \(url)")
            }
            let schema = "bench_assignment"
            let database = String(parts.path.dropFirst())
            try await PostgresScratch.execute(["DROP SCHEMA IF EXISTS \(schema) CASCADE", "CREATE SCHEMA \(schema)"], url: url)
            let storage = PostgresStorage(
                configuration: .init(host: host, port: parts.port ?? 5432, username: user, password: parts.password, database: database, schema: schema),
                logger: Logger(label: "bench.assignment"))
            let result = try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await storage.run() }
                defer { group.cancelAll() }
                try await storage.migrate()
                return try await measure(storage, database: "postgres", tickets: tickets, agents: agents, batchSize: batchSize, decisionsPerUnit: decisionsPerUnit)
            }
            try await PostgresScratch.execute(["DROP SCHEMA \(schema) CASCADE"], url: url)
            return result
        }
    }

    private static func measure(
        _ storage: any Storage & BulkLoading, database: String, tickets: Int, agents: Int, batchSize: Int, decisionsPerUnit: Int
    ) async throws -> AssignmentResult {
        let deps = BenchPorts.dependencies(storage: storage)
        let data = AssignmentDataset(tickets: tickets, agents: agents, ids: deps.ids, now: deps.clock.now())
        let org = data.organization.id
        let loadStarted = ContinuousClock.now
        for batch in data.batches() { try await storage.load(batch) }
        let loadSeconds = LoadRunner.seconds(ContinuousClock.now - loadStarted)

        // The planner alone, over the whole queue at once (the best of five: it is pure and deterministic).
        let planner = RoutingPlanner(departments: data.departments)
        let (queue, snapshots, now) = (data.queue, data.snapshots, deps.clock.now())
        var planningSeconds = Double.infinity
        var planned = 0
        for _ in 0..<5 {
            let started = ContinuousClock.now
            let plan = planner.plan(queue: queue, agents: snapshots, cursors: [:], now: now)
            planningSeconds = min(planningSeconds, LoadRunner.seconds(ContinuousClock.now - started))
            planned = plan.assignments.count
        }

        // What one pass reads before it plans (the same queries as `assignQueued`).
        let readStarted = ContinuousClock.now
        _ = try await storage.waitingTickets(in: org, limit: batchSize)
        _ = try await storage.agentProfiles(in: org)
        _ = try await storage.activeTicketCounts(in: org)
        _ = try await storage.departments(in: org)
        _ = try await storage.routingCursors(in: org)
        for role in Role.allCases where role.isStaff { _ = try await storage.users(in: org, role: role) }
        let snapshotSeconds = LoadRunner.seconds(ContinuousClock.now - readStarted)

        let assignment = AssignmentUseCases(deps)
        var passes = 0, assigned = 0, skipped = 0, yielded = 0, fallbacks = 0
        let started = ContinuousClock.now
        while passes < 100_000 {
            let report = try await assignment.assignQueued(in: org, batchSize: batchSize, decisionsPerUnit: decisionsPerUnit)
            passes += 1
            fallbacks += report.fallbacks
            assigned += report.assigned.count
            skipped += report.skipped
            if report.yielded { yielded += 1 }
            if report.assigned.isEmpty && report.skipped == 0 && !report.yielded { break }
        }
        let seconds = LoadRunner.seconds(ContinuousClock.now - started)

        // The invariants afterwards: the queue drained, nobody above capacity, every ticket assigned once.
        let leftWaiting = try await storage.routingQueue(in: org, limit: tickets + 1).count
        let loads = try await storage.activeTicketCounts(in: org)
        return AssignmentResult(
            database: database, tickets: tickets, agents: agents, batchSize: batchSize, decisionsPerUnit: decisionsPerUnit,
            fallbackUnits: fallbacks, loadSeconds: loadSeconds, passes: passes,
            assigned: assigned, skipped: skipped, yieldedPasses: yielded, leftWaiting: leftWaiting, seconds: seconds,
            plannedByPlanner: planned, planningSeconds: planningSeconds, snapshotReadSeconds: snapshotSeconds,
            agentsOverCapacity: loads.values.filter { $0 > AssignmentDataset.capacity }.count,
            ticketsHeldByAgents: loads.values.reduce(0, +))
    }
}

/// Statements on a PostgreSQL database through a short-lived client (scratch schemas of the job benchmarks).
enum PostgresScratch {
    static func execute(_ statements: [String], url: String) async throws {
        guard let parts = URLComponents(string: url), let host = parts.host, let user = parts.user else {
            throw APIClient.Failure(description: "not a postgres:// URL: \(url)")
        }
        let configuration = PostgresClient.Configuration(
            host: host, port: parts.port ?? 5432, username: user, password: parts.password, database: String(parts.path.dropFirst()), tls: .disable)
        let client = PostgresClient(configuration: configuration, backgroundLogger: Logger(label: "bench.scratch"))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            for statement in statements { try await client.query(PostgresQuery(unsafeSQL: statement)) }
        }
    }
}
