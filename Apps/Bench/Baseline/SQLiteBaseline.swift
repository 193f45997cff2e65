import Foundation
import GRDB

/// What ticket creation writes (number counter, ticket, audit event, outbox job: one transaction per
/// ticket), inserted by a bare GRDB client into a scratch SQLite file with the API's settings (WAL,
/// synchronous NORMAL): the ceiling the API's creation throughput is compared with.
enum SQLiteBaseline {
    static func run(path: String, tickets: Int, concurrency: Int) async throws -> BenchReport.Baseline {
        try? FileManager.default.removeItem(atPath: path)
        var configuration = Configuration()
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
        let pool = try DatabasePool(path: path, configuration: configuration)
        try await pool.write { db in
            try db.execute(sql: """
                CREATE TABLE counter (id INTEGER PRIMARY KEY, last_number INTEGER NOT NULL);
                INSERT INTO counter VALUES (1, 0);
                CREATE TABLE tickets (id TEXT PRIMARY KEY, number INTEGER NOT NULL UNIQUE, subject TEXT NOT NULL, description TEXT NOT NULL,
                    status TEXT NOT NULL, priority INTEGER NOT NULL, tags TEXT NOT NULL, created_at INTEGER NOT NULL, version INTEGER NOT NULL);
                CREATE INDEX tickets_status ON tickets (status, priority, created_at);
                CREATE TABLE audit_events (id TEXT PRIMARY KEY, ticket_id TEXT NOT NULL REFERENCES tickets (id), kind TEXT NOT NULL,
                    changes TEXT NOT NULL, at INTEGER NOT NULL);
                CREATE TABLE jobs (id TEXT PRIMARY KEY, kind TEXT NOT NULL, payload TEXT NOT NULL, run_at INTEGER NOT NULL);
                """)
        }
        let started = ContinuousClock.now
        let perClient = max(1, tickets / concurrency)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for client in 0..<concurrency {
                group.addTask {
                    for step in 0..<perClient {
                        let index = client * perClient + step
                        try await pool.write { db in
                            let number = try Int.fetchOne(db, sql: "UPDATE counter SET last_number = last_number + 1 WHERE id = 1 RETURNING last_number")!
                            let id = UUID().uuidString.lowercased()
                            let now = Int(Date().timeIntervalSince1970 * 1000)
                            try db.execute(
                                sql: "INSERT INTO tickets VALUES (?, ?, ?, ?, 'open', ?, '[\"bench\",\"login\"]', ?, 1)",
                                arguments: [id, number, "Baseline ticket \(index)", "Inserted directly, request \(index).", index % 4, now])
                            try db.execute(
                                sql: "INSERT INTO audit_events VALUES (?, ?, 'created', '[{\"field\":\"status\",\"after\":\"open\"}]', ?)",
                                arguments: [UUID().uuidString.lowercased(), id, now])
                            try db.execute(
                                sql: "INSERT INTO jobs VALUES (?, 'notification', ?, ?)",
                                arguments: [UUID().uuidString.lowercased(), "{\"ticket\":\"\(id)\"}", now])
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
        let seconds = LoadRunner.seconds(ContinuousClock.now - started)
        try pool.close()
        let done = perClient * concurrency
        return .init(tickets: done, rowsPerTicket: 3, concurrency: concurrency, seconds: seconds, ticketsPerSecond: Double(done) / seconds)
    }
}
