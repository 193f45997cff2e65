import Foundation
import Logging
import PostgresNIO

/// The PostgreSQL twin of `SQLiteBaseline`: the same four statements per ticket in one transaction,
/// sent by a bare PostgresNIO client (a pool of `concurrency` connections) into scratch tables of the
/// benchmark's database.
enum PostgresBaseline {
    static func run(url: String, tickets: Int, concurrency: Int) async throws -> BenchReport.Baseline {
        guard let parts = URLComponents(string: url), let host = parts.host, let user = parts.user else {
            throw APIClient.Failure(description: "not a postgres:// URL: \(url)")
        }
        var configuration = PostgresClient.Configuration(
            host: host, port: parts.port ?? 5432, username: user, password: parts.password,
            database: String(parts.path.dropFirst()), tls: .disable)
        configuration.options.maximumConnections = concurrency
        let client = PostgresClient(configuration: configuration, backgroundLogger: Logger(label: "bench.baseline"))
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            try await client.query("DROP SCHEMA IF EXISTS bench_baseline CASCADE")
            try await client.query("CREATE SCHEMA bench_baseline")
            try await client.query("CREATE TABLE bench_baseline.counter (id int PRIMARY KEY, last_number int NOT NULL)")
            try await client.query("INSERT INTO bench_baseline.counter VALUES (1, 0)")
            try await client.query("""
                CREATE TABLE bench_baseline.tickets (id uuid PRIMARY KEY, number int NOT NULL UNIQUE, subject text NOT NULL,
                    description text NOT NULL, status text NOT NULL, priority int NOT NULL, tags text[] NOT NULL,
                    created_at timestamptz NOT NULL, version int NOT NULL)
                """)
            try await client.query("CREATE INDEX ON bench_baseline.tickets (status, priority, created_at)")
            try await client.query("""
                CREATE TABLE bench_baseline.audit_events (id uuid PRIMARY KEY, ticket_id uuid NOT NULL REFERENCES bench_baseline.tickets (id),
                    kind text NOT NULL, changes jsonb NOT NULL, at timestamptz NOT NULL)
                """)
            try await client.query("CREATE TABLE bench_baseline.jobs (id uuid PRIMARY KEY, kind text NOT NULL, payload jsonb NOT NULL, run_at timestamptz NOT NULL)")
            let started = ContinuousClock.now
            let perClient = max(1, tickets / concurrency)
            try await withThrowingTaskGroup(of: Void.self) { clients in
                for clientIndex in 0..<concurrency {
                    clients.addTask {
                        for step in 0..<perClient {
                            let index = clientIndex * perClient + step
                            try await client.withConnection { connection in
                                let logger = Logger(label: "bench.baseline")
                                _ = try await connection.query("BEGIN", logger: logger)
                                let rows = try await connection.query("UPDATE bench_baseline.counter SET last_number = last_number + 1 WHERE id = 1 RETURNING last_number", logger: logger)
                                var number = 0
                                for try await row in rows { number = try row.decode(Int.self) }
                                let id = UUID(), now = Date(), subject = "Baseline ticket \(index)", description = "Inserted directly, request \(index)."
                                let priority = index % 4
                                _ = try await connection.query("""
                                    INSERT INTO bench_baseline.tickets VALUES (\(id), \(number), \(subject), \(description), 'open', \(priority),
                                        ARRAY['bench', 'login'], \(now), 1)
                                    """, logger: logger)
                                _ = try await connection.query("""
                                    INSERT INTO bench_baseline.audit_events VALUES (\(UUID()), \(id), 'created', '[{"field":"status","after":"open"}]', \(now))
                                    """, logger: logger)
                                let payload = "{\"ticket\":\"\(id)\"}"
                                _ = try await connection.query("INSERT INTO bench_baseline.jobs VALUES (\(UUID()), 'notification', \(payload)::jsonb, \(now))", logger: logger)
                                _ = try await connection.query("COMMIT", logger: logger)
                            }
                        }
                    }
                }
                try await clients.waitForAll()
            }
            let seconds = LoadRunner.seconds(ContinuousClock.now - started)
            try await client.query("DROP SCHEMA bench_baseline CASCADE")
            let done = perClient * concurrency
            return .init(tickets: done, rowsPerTicket: 3, concurrency: concurrency, seconds: seconds, ticketsPerSecond: Double(done) / seconds)
        }
    }
}
