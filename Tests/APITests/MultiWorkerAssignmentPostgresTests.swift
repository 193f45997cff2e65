import Foundation
import Testing
import TestSupport

/// The invariants of §5 under real concurrency: three `switchboard-worker` processes auto-assign 2,000 tickets to
/// 40 agents on one PostgreSQL database while 50 manual takes race them through the API. Checked by SQL over the
/// final state and the audit history: no ticket assigned twice, no agent above capacity, history and state agree,
/// and every free slot ends up used.
@Suite(.serialized, .postgresServer) struct MultiWorkerAssignmentPostgresTests {
    static let agents = 40
    static let capacity = 5
    static let tickets = 2_000
    static let takes = 50
    static let workers = 3
    static let takers = 25

    @Test func threeWorkersAndConcurrentTakesNeverDoubleAssignOrOverfill() async throws {
        let database = try await ScratchPostgresDatabase.create()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("switchboard-routing-pg-\(UUID().uuidString)")
        let environment = [
            "SWITCHBOARD_DATABASE_URL": database.url,
            "SWITCHBOARD_JWT_SECRET": "multi-worker-routing-secret-" + UUID().uuidString,
            "SWITCHBOARD_ASSIGNMENT_INTERVAL": "0.2",
        ]
        var api: APIServerProcess?
        var workers: [WorkerProcess] = []
        do {
            // The API migrates and seeds the demo organization; the load is added by SQL (fast, and no agent is
            // available yet, so nothing is assigned before the race starts).
            var apiEnvironment = environment
            apiEnvironment["SWITCHBOARD_DATA_DIR"] = folder.appendingPathComponent("api/var").path
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("api"), withIntermediateDirectories: true)
            let server = try APIServerProcess(arguments: ["--demo"], in: folder.appendingPathComponent("api"), port: try freeLocalPort(), environment: apiEnvironment)
            api = server
            try await server.waitUntilListening()
            try await seedLoad(database)

            // 25 of the agents take by hand (the API admits 30 logins a minute from one address).
            let tokens = try await (1...Self.takers).asyncMap { index in
                try #require(try await server.call("POST", "/api/v1/auth/login", json: [
                    "email": "load-agent-\(index)@example.com", "password": "agent123", "organization": "demo",
                ]).json["accessToken"].string, "login of load agent \(index)")
            }
            // The head of the queue, where workers and takes collide.
            let contested = try await ScratchPostgresDatabase.psql(database.url, """
                SELECT id FROM tickets WHERE subject LIKE 'Load ticket %' ORDER BY priority DESC, created_at, id LIMIT 120
                """).split(separator: "\n").map(String.init)
            #expect(contested.count == 120)

            for index in 1...Self.workers {
                var workerEnvironment = environment
                workerEnvironment["SWITCHBOARD_DATA_DIR"] = folder.appendingPathComponent("worker-\(index)/var").path
                workers.append(try WorkerProcess(in: folder.appendingPathComponent("worker-\(index)"), environment: workerEnvironment))
            }
            let taken = await withTaskGroup(of: Bool.self) { group in
                for take in 0..<Self.takes {
                    let token = tokens[(take * 7) % tokens.count]
                    let ticket = contested[(take * 13) % contested.count]
                    group.addTask { (try? await server.call("POST", "/api/v1/tickets/\(ticket)/take", token: token).status) == 200 }
                }
                return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }

            // Every slot fills: 40 agents × 5. Polled over SQL (the state is in another process); bounded.
            let slots = Self.agents * Self.capacity
            let start = ContinuousClock.now
            var assigned = try await count(database, "SELECT count(*) FROM tickets WHERE assignee_id IS NOT NULL")
            while assigned < slots, ContinuousClock.now - start < .seconds(240) {
                try await Task.sleep(for: .milliseconds(250))
                assigned = try await count(database, "SELECT count(*) FROM tickets WHERE assignee_id IS NOT NULL")
            }
            #expect(assigned == slots, "every slot is used: \(assigned) of \(slots) (manual takes that won: \(taken))")

            let overCapacity = try await count(database, """
                SELECT count(*) FROM (
                    SELECT t.assignee_id FROM tickets t JOIN agent_profiles p ON p.user_id = t.assignee_id
                    WHERE t.status NOT IN ('resolved', 'closed')
                    GROUP BY t.assignee_id, p.max_concurrent_tickets HAVING count(*) > p.max_concurrent_tickets
                ) x
                """)
            #expect(overCapacity == 0, "agents above capacity")
            let assignedTwice = try await count(database, """
                SELECT count(*) FROM (SELECT ticket_id FROM audit_events WHERE kind = 'assigned' GROUP BY ticket_id HAVING count(*) > 1) x
                """)
            #expect(assignedTwice == 0, "tickets with more than one assignment in their history")
            let historyDisagrees = try await count(database, """
                SELECT count(*) FROM tickets t
                WHERE (t.assignee_id IS NOT NULL) <> EXISTS (SELECT 1 FROM audit_events e WHERE e.ticket_id = t.id AND e.kind = 'assigned')
                   OR EXISTS (SELECT 1 FROM audit_events e WHERE e.ticket_id = t.id AND e.kind = 'assigned'
                              AND e.changes -> 0 ->> 'after' IS DISTINCT FROM t.assignee_id::text)
                """)
            #expect(historyDisagrees == 0, "tickets whose assignee disagrees with their history")
            let byWorkers = try await count(database, "SELECT count(*) FROM audit_events WHERE kind = 'assigned' AND actor_id IS NULL")
            #expect(byWorkers > 0 && byWorkers + taken == slots, "workers assigned \(byWorkers), takes won \(taken), of \(slots)")

            for worker in workers { #expect(await worker.stop() == 0, "SIGTERM stops a worker gracefully: \(worker.stderr)") }
            #expect(await server.stop() == 0, "SIGTERM stops the API gracefully: \(server.stderr)")
        } catch {
            for worker in workers { _ = await worker.stop() }
            _ = await api?.stop()
            try? FileManager.default.removeItem(at: folder)
            try? await database.drop()
            throw error
        }
        try? FileManager.default.removeItem(at: folder)
        try await database.drop()
    }

    private func count(_ database: ScratchPostgresDatabase, _ sql: String) async throws -> Int {
        let text = try await ScratchPostgresDatabase.psql(database.url, sql).trimmingCharacters(in: .whitespacesAndNewlines)
        return try #require(Int(text), "\(sql) printed \(text)")
    }

    /// 40 available agents (the demo agent's password, capacity 5, no department needed) and 2,000 open,
    /// unassigned tickets without a department, copied from the demo's rows.
    private func seedLoad(_ database: ScratchPostgresDatabase) async throws {
        try await ScratchPostgresDatabase.psql(database.url, """
            INSERT INTO users (id, organization_id, email, name, phone, role, password_hash, is_active, created_at, updated_at, version)
            SELECT gen_random_uuid(), organization_id, 'load-agent-' || g || '@example.com', 'Load agent ' || g, NULL, 'agent',
                password_hash, true, now(), now(), 1
            FROM users, generate_series(1, \(Self.agents)) g WHERE email = 'agent1@example.com';
            INSERT INTO agent_profiles (user_id, organization_id, employee_id, department_ids, tier, skills, languages, availability,
                max_concurrent_tickets, max_concurrent_chats, shift, statistics, created_at, updated_at, version)
            SELECT u.id, u.organization_id, NULL, p.department_ids, 1, '{}', p.languages, 'available', \(Self.capacity), 3,
                p.shift, p.statistics, now(), now(), 1
            FROM users u, agent_profiles p JOIN users a ON a.id = p.user_id AND a.email = 'agent1@example.com'
            WHERE u.email LIKE 'load-agent-%';
            INSERT INTO tickets (id, organization_id, number, customer_id, contact_name, contact_email, contact_phone, subject,
                description, channel, category, priority, status, tags, custom_fields, external_references, journey_answers,
                attachment_ids, assignee_id, department_id, tier, required_skills, language, participant_ids, escalations,
                resolution, rating, merged_into_id, linked_ticket_ids, first_response_at, closed_at, reopen_count, created_at,
                updated_at, version)
            SELECT gen_random_uuid(), t.organization_id, 1000 + g, t.customer_id, t.contact_name, t.contact_email, t.contact_phone,
                'Load ticket ' || g, t.description, t.channel, t.category, g % 4, 'open', '{}', '{}'::jsonb, '[]'::jsonb, NULL,
                '{}', NULL, NULL, 1, '{}', NULL, '{}', '[]'::jsonb, NULL, NULL, NULL, '{}', NULL, NULL, 0,
                now() + g * interval '1 millisecond', now(), 1
            FROM (SELECT * FROM tickets ORDER BY number LIMIT 1) t, generate_series(1, \(Self.tickets)) g;
            UPDATE ticket_counters SET last_number = 1000 + \(Self.tickets);
            """)
        #expect(try await count(database, "SELECT count(*) FROM tickets WHERE subject LIKE 'Load ticket %'") == Self.tickets)
    }
}

extension Sequence {
    fileprivate func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var result: [T] = []
        for element in self { result.append(try await transform(element)) }
        return result
    }
}
