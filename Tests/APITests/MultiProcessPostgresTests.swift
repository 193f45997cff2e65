import Foundation
import Testing
import TestSupport

/// Two `switchboard-api` processes on one PostgreSQL database, the way a cluster behind a load balancer
/// runs: a token from one is accepted by the other, tickets created at once through both get unique
/// consecutive numbers, each is readable through either, and two edits racing on the same version
/// through different processes end with exactly one winner (no lost update).
@Suite(.serialized, .postgresServer) struct MultiProcessPostgresTests {
    /// The demo seeds this many tickets before the test creates its own.
    static let demoTickets = 3
    static let ticketsPerProcess = 20

    @Test func twoProcessesShareOnePostgresDatabase() async throws {
        let database = try await ScratchPostgresDatabase.create()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("switchboard-multiprocess-\(UUID().uuidString)")
        var servers: [APIServerProcess] = []
        do {
            // Every process of a cluster must share the signing secret (≥ 32 bytes), or tokens would not travel.
            let environment = [
                "SWITCHBOARD_DATABASE_URL": database.url,
                "SWITCHBOARD_JWT_SECRET": "multi-process-test-secret-" + UUID().uuidString,
            ]
            let first = try startServer(["--demo"], named: "first", in: folder, environment: environment, avoiding: [])
            servers.append(first)
            try await first.waitUntilListening()
            #expect(first.stdout.contains("demo data seeded"), "the first process seeds the empty database: \(first.stdout)")
            let second = try startServer([], named: "second", in: folder, environment: environment, avoiding: [first.base.port ?? 0])
            servers.append(second)
            try await second.waitUntilListening()

            try await exercise(first, second)

            for server in servers {
                #expect(await server.stop() == 0, "SIGTERM shuts \(server.base) down gracefully: \(server.stderr)")
            }
        } catch {
            for server in servers { _ = await server.stop() }
            try? FileManager.default.removeItem(at: folder)
            try? await database.drop()
            throw error
        }
        try? FileManager.default.removeItem(at: folder)
        try await database.drop()
    }

    /// A process with a data folder of its own under `folder`, on a port the other does not use.
    private func startServer(
        _ arguments: [String], named name: String, in folder: URL, environment: [String: String], avoiding ports: [Int]
    ) throws -> APIServerProcess {
        let directory = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var port = try freeLocalPort()
        while ports.contains(port) { port = try freeLocalPort() }
        var environment = environment
        environment["SWITCHBOARD_DATA_DIR"] = directory.appendingPathComponent("var").path
        return try APIServerProcess(arguments: arguments, in: directory, port: port, environment: environment)
    }

    private func exercise(_ first: APIServerProcess, _ second: APIServerProcess) async throws {
        // Tokens are issued by one process and used on both.
        let customerLogin = try await first.call("POST", "/api/v1/auth/login", json: ["email": "customer@example.com", "password": "customer123"])
        #expect(customerLogin.status == 200, "customer login through the first process")
        let customer = try #require(customerLogin.json["accessToken"].string)
        let agentLogin = try await second.call("POST", "/api/v1/auth/login", json: ["email": "agent1@example.com", "password": "agent123"])
        #expect(agentLogin.status == 200, "agent login through the second process (its users were seeded by the first)")
        let agent = try #require(agentLogin.json["accessToken"].string)

        // Creations at once through both processes.
        let created = try await withThrowingTaskGroup(of: CreatedTicket.self) { group in
            for (label, server) in [("first", first), ("second", second)] {
                for index in 1...Self.ticketsPerProcess {
                    group.addTask {
                        let response = try await server.call("POST", "/api/v1/tickets", token: customer, json: [
                            "subject": "Ticket \(index) through the \(label) process", "description": "Created concurrently.", "category": "general",
                        ])
                        return CreatedTicket(
                            through: label, status: response.status, id: response.json["id"].string,
                            number: response.json["number"].string, body: "\(response.json)"
                        )
                    }
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        for ticket in created where ticket.status != 201 || ticket.id == nil {
            Issue.record("POST /api/v1/tickets through the \(ticket.through) process: \(ticket.status) \(ticket.body)")
        }
        let total = Self.demoTickets + 2 * Self.ticketsPerProcess
        let createdNumbers = created.compactMap { $0.number.flatMap(Self.sequence) }.sorted()
        #expect(createdNumbers == Array((Self.demoTickets + 1)...total), "created tickets are numbered uniquely after the demo's: \(created.map(\.number))")

        // The whole organization's numbering, as the customer (who opened every ticket) lists it.
        let listed = try await second.call("GET", "/api/v1/tickets?limit=200", token: customer)
        #expect(listed.status == 200, "GET /api/v1/tickets through the second process")
        let listedNumbers = listed.json["items"].array.compactMap { $0["number"].string.flatMap(Self.sequence) }.sorted()
        #expect(listedNumbers == Array(1...total), "ticket numbers are exactly 1…\(total), no gap and no repeat")

        // Each ticket is readable through either process.
        let ids = created.compactMap { ticket in ticket.id.map { ($0, ticket.number) } }
        let misreads = try await withThrowingTaskGroup(of: String?.self) { group in
            for (id, number) in ids {
                for (label, server) in [("first", first), ("second", second)] {
                    group.addTask {
                        let read = try await server.call("GET", "/api/v1/tickets/\(id)", token: customer)
                        guard read.status == 200, read.json["id"].string == id, read.json["number"].string == number else {
                            return "GET /api/v1/tickets/\(id) through the \(label) process: \(read.status) \(read.json)"
                        }
                        return nil
                    }
                }
            }
            return try await group.reduce(into: [String]()) { if let miss = $1 { $0.append(miss) } }
        }
        #expect(misreads.isEmpty, "every ticket is readable through both processes: \(misreads)")

        try await raceEdits(first, second, agent: agent, ticket: try #require(ids.first?.0, "a ticket was created"))
    }

    /// Two PATCHes with the same `If-Match`, one through each process, at once: one wins, one is stale.
    private func raceEdits(_ first: APIServerProcess, _ second: APIServerProcess, agent: String, ticket id: String) async throws {
        // Agents edit what is theirs: take it first.
        let taken = try await first.call("POST", "/api/v1/tickets/\(id)/take", token: agent)
        #expect(taken.status == 200, "POST /api/v1/tickets/\(id)/take: \(taken.json)")
        let read = try await second.call("GET", "/api/v1/tickets/\(id)", token: agent)
        let version = try #require(read.json["version"].int, "GET /api/v1/tickets/\(id) has a version: \(read.json)")
        #expect(read.headers["etag"] == "\"\(version)\"", "the ETag carries the version")

        async let fromFirst = first.call("PATCH", "/api/v1/tickets/\(id)", token: agent, headers: ["If-Match": "\"\(version)\""], json: ["subject": "Edited through the first process"])
        async let fromSecond = second.call("PATCH", "/api/v1/tickets/\(id)", token: agent, headers: ["If-Match": "\"\(version)\""], json: ["subject": "Edited through the second process"])
        let (one, other) = try await (fromFirst, fromSecond)
        #expect([one.status, other.status].sorted() == [200, 412], "exactly one edit wins and the other is stale: \(one.status) \(one.json) / \(other.status) \(other.json)")

        let final = try await first.call("GET", "/api/v1/tickets/\(id)", token: agent)
        #expect(final.json["version"].int == version + 1, "one edit, one new version: \(final.json)")
        let winner = one.status == 200 ? one : other
        #expect(final.json["subject"].string == winner.json["subject"].string, "the winner's edit is what is stored")
    }

    /// `TKT-000042` → 42.
    private static func sequence(_ number: String) -> Int? {
        number.split(separator: "-").last.flatMap { Int($0) }
    }
}

/// What one concurrent `POST /tickets` answered.
private struct CreatedTicket: Sendable {
    let through: String
    let status: Int
    let id: String?
    let number: String?
    let body: String
}
