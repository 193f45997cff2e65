import ArgumentParser
import AsyncHTTPClient
import Domain
import Foundation
import NIOCore

/// `switchboard-bench`: the load generator of `scripts/bench`. Runs the fixed HTTP scenarios against a
/// running API (a bounded number of requests and seconds each, at several concurrencies), the raw
/// database baseline, and prints the report as a table (and JSON with `--json`).
@main
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "switchboard-bench", abstract: "Measure a running switchboard-api (scenarios of SPEC §15) and the raw database under it.")

    @Option(help: "Base URL of the running API.")
    var url = "http://127.0.0.1:8080"

    @Option(help: "Process id of the API server, for its resident memory (/proc/<pid>/status).")
    var serverPid: Int32?

    @Option(help: "Organization slug of the bulk dataset (switchboard seed --tickets).")
    var org = "bench"

    @Option(help: "Password of the bulk dataset's users.")
    var password = "bench123"

    @Option(help: "Client counts each scenario runs at.")
    var concurrency: [Int] = [1, 8, 32]

    @Option(help: "Only these HTTP scenarios (create, read, list, message; repeatable); all by default.")
    var scenario: [HTTPScenario] = HTTPScenario.allCases

    @Option(help: "At most this many operations per scenario and concurrency.")
    var requests = 2_000

    @Option(help: "At most this many seconds per scenario and concurrency.")
    var seconds = 10.0

    @Option(help: "Label of the database in the report (sqlite, postgres).")
    var database = "sqlite"

    @Option(help: "Tickets seeded before the run, for the report.")
    var seededTickets: Int?

    @Option(help: "Tickets per second the seed reached, for the report.")
    var seedRate: Double?

    @Option(help: "Raw baseline into a scratch SQLite file at this path.")
    var baselineSqlite: String?

    @Option(help: "Raw baseline into scratch tables of this PostgreSQL database (postgres://…).")
    var baselinePostgres: String?

    @Option(help: "Tickets the raw baseline inserts.")
    var baselineTickets = 20_000

    @Option(help: "Auto-assignment benchmark in a scratch SQLite file at this path.")
    var assignmentSqlite: String?

    @Option(help: "Auto-assignment benchmark in a scratch schema of this PostgreSQL database (postgres://…).")
    var assignmentPostgres: String?

    @Option(help: "Queued tickets of the auto-assignment benchmark.")
    var assignmentTickets = 10_000

    @Option(help: "Agents of the auto-assignment benchmark.")
    var assignmentAgents = 500

    @Option(help: "Tickets per auto-assignment pass.")
    var assignmentBatch = 500

    @Option(help: "Assignment decisions per unit of work in the auto-assignment benchmark (1: every decision in its own).")
    var assignmentUnit = AssignmentUseCases.decisionsPerUnit

    @Flag(help: "Only run the auto-assignment benchmark (--assignment-sqlite or --assignment-postgres; no API needed) and print it.")
    var assignmentOnly = false

    @Option(help: "WebSocket clients of the fan-out benchmark (0: skip it).")
    var fanoutClients = 1_000

    @Option(help: "WebSocket connections the API allows per user (RealtimeOptions.maximumConnectionsPerUser).")
    var fanoutConnectionsPerUser = 10

    @Flag(help: "Only run the WebSocket fan-out benchmark against the API (any seeded dataset) and print it.")
    var fanoutOnly = false

    @Option(help: "Probe events of the fan-out benchmark, one after another on the same connections (one result each).")
    var fanoutProbes = 1

    @Option(help: "Write the report as JSON to this file too.")
    var json: String?

    @Flag(help: "Also time SLA sweep passes straight against the database, composed like the API from its SWITCHBOARD_* variables.")
    var slaSweep = false

    @Flag(help: "Only time the SLA sweep passes (no API needed) and print them.")
    var slaSweepOnly = false

    func run() async throws {
        if slaSweepOnly { return print("\(SLASweepBenchmark.jobName): \(try await SLASweepBenchmark.run().summary)") }
        if assignmentOnly { return try await runAssignmentOnly() }
        var configuration = HTTPClient.Configuration()
        // One connection per client: the default pool (8 per host) would queue 32 clients behind 8.
        configuration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: max(8, concurrency.max() ?? 8))
        let http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        do {
            if fanoutOnly {
                try await runFanoutOnly(APIClient(http: http, baseURL: url))
                return try await http.shutdown()
            }
            let report = try await measure(APIClient(http: http, baseURL: url))
            try await http.shutdown()
            print(report.table())
            if let json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                try encoder.encode(report).write(to: URL(fileURLWithPath: json))
            }
        } catch {
            try? await http.shutdown()
            throw error
        }
    }

    /// The auto-assignment job alone, against its own scratch database: what tuning it needs, without an API and a
    /// seeded dataset around it.
    private func runAssignmentOnly() async throws {
        guard let database = assignmentSqlite.map({ AssignmentBenchmark.Database.sqlite(path: $0) }) ?? assignmentPostgres.map({ .postgres(url: $0) }) else {
            throw ValidationError("--assignment-only needs --assignment-sqlite FILE or --assignment-postgres URL")
        }
        let result = try await AssignmentBenchmark.run(database, tickets: assignmentTickets, agents: assignmentAgents, batchSize: assignmentBatch, decisionsPerUnit: assignmentUnit)
        for line in result.lines { print(line) }
        print("auto-assignment: \(result.summary)")
    }

    /// The fan-out job alone, against a running API seeded with any number of tickets: what tuning the real-time
    /// path needs, without the HTTP scenarios before it.
    private func runFanoutOnly(_ api: APIClient) async throws {
        let adminToken = try await api.login(email: "admin@bench.example", password: password, organization: org)
        let results = try await fanoutBenchmark(api, adminToken: adminToken).run()
        for (index, result) in results.enumerated() {
            if results.count > 1 { print("probe \(index + 1) of \(results.count):") }
            for line in result.lines { print(line) }
        }
    }

    private func fanoutBenchmark(_ api: APIClient, adminToken: String) -> FanoutBenchmark {
        var benchmark = FanoutBenchmark(
            api: api, adminToken: adminToken, password: password, organization: org, clients: fanoutClients,
            connectionsPerUser: fanoutConnectionsPerUser)
        benchmark.probes = fanoutProbes
        return benchmark
    }

    private func measure(_ api: APIClient) async throws -> BenchReport {
        let scenarios = Scenarios(
            api: api,
            customerToken: try await api.login(email: "customer1@bench.example", password: password, organization: org),
            adminToken: try await api.login(email: "admin@bench.example", password: password, organization: org))
        var report = BenchReport(
            database: database, machine: Self.machine(), seededTickets: seededTickets, seedTicketsPerSecond: seedRate,
            idleMemory: ProcessMemory.of(pid: serverPid), memoryAfterLoad: ProcessMemory.of(pid: serverPid))
        let created = CreatedTickets()
        if scenario.contains(.create) {
            for clients in concurrency {
                report.samples.append(await LoadRunner.run(scenario: "create ticket", concurrency: clients, requests: requests, maximumSeconds: seconds) { index in
                    await created.add(try await scenarios.createTicket(index))
                })
            }
        }
        let existing = try await scenarios.existingTicketIDs(1_000)
        guard !existing.isEmpty else { throw APIClient.Failure(description: "the API lists no tickets to read") }
        if scenario.contains(.read) {
            for clients in concurrency {
                report.samples.append(await LoadRunner.run(scenario: "read ticket + messages", concurrency: clients, requests: requests, maximumSeconds: seconds) { index in
                    try await scenarios.readTicket(existing[index % existing.count])
                })
            }
        }
        if scenario.contains(.list) {
            for clients in concurrency {
                report.samples.append(await LoadRunner.run(scenario: "list queue (filtered)", concurrency: clients, requests: requests, maximumSeconds: seconds) { index in
                    try await scenarios.listQueue(index)
                })
            }
        }
        if scenario.contains(.message) {
            // Replies go to the tickets this run created; without the create scenario, to existing ones.
            let fresh = await created.ids
            let targets = fresh.isEmpty ? existing : fresh
            for clients in concurrency {
                report.samples.append(await LoadRunner.run(scenario: "add message", concurrency: clients, requests: requests, maximumSeconds: seconds) { index in
                    try await scenarios.addMessage(targets[index % targets.count], index)
                })
            }
        }
        report.memoryAfterLoad = ProcessMemory.of(pid: serverPid)
        let clients = concurrency.max() ?? 1
        if let baselineSqlite {
            report.baseline = try await SQLiteBaseline.run(path: baselineSqlite, tickets: baselineTickets, concurrency: clients)
        } else if let baselinePostgres {
            report.baseline = try await PostgresBaseline.run(url: baselinePostgres, tickets: baselineTickets, concurrency: clients)
        }
        if fanoutClients > 0 {
            // The report keeps the first probe: the event as the first one after the connections opened.
            guard let result = try await fanoutBenchmark(scenarios.api, adminToken: scenarios.adminToken).run().first else {
                throw APIClient.Failure(description: "the fan-out benchmark returned no result")
            }
            report.fanout = result
            report.jobs["WebSocket fan-out (1,000 clients)"] = result.summary
        }
        if let database = assignmentSqlite.map({ AssignmentBenchmark.Database.sqlite(path: $0) }) ?? assignmentPostgres.map({ .postgres(url: $0) }) {
            let result = try await AssignmentBenchmark.run(database, tickets: assignmentTickets, agents: assignmentAgents, batchSize: assignmentBatch, decisionsPerUnit: assignmentUnit)
            report.assignment = result
            report.jobs["auto-assignment (10,000 tickets, 500 agents)"] = result.summary
        }
        if slaSweep {
            let sweep = try await SLASweepBenchmark.run()
            report.slaSweep = sweep
            report.jobs[SLASweepBenchmark.jobName] = sweep.summary
        }
        return report
    }

    /// CPU model and count, for the README's "measured on".
    static func machine() -> String {
        let info = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model = info.split(separator: "\n").first { $0.hasPrefix("model name") }?.split(separator: ":").last?.trimmingCharacters(in: .whitespaces)
        return "\(model ?? "unknown CPU"), \(ProcessInfo.processInfo.activeProcessorCount) cores"
    }
}

/// The HTTP scenarios of §15 the run can be limited to (`--scenario`).
enum HTTPScenario: String, CaseIterable, ExpressibleByArgument, Sendable {
    case create, read, list, message
}

/// Ids of the tickets the create scenario made (the message scenario replies to them).
actor CreatedTickets {
    private(set) var ids: [String] = []
    func add(_ id: String) { ids.append(id) }
}
