import Bootstrap
import Domain
import Foundation
import Logging
import Memory
import TestSupport
import Testing

/// A real `switchboard-worker` process (SQLite, SMTP to a slow test relay) is killed with SIGKILL in the
/// middle of a batch. Nothing is lost, and nothing it had acknowledged (completed in the outbox) is sent
/// twice; what it had sent but not yet acknowledged may arrive twice, with the same Message-ID, which is
/// the at-least-once guarantee receivers de-duplicate on.
@Suite(.enabled(if: OwnSMTPServer.shouldRun, OwnSMTPServer.missingMessage))
struct WorkerKillTests {
    static let ticketCount = 120

    static var buildFolder: URL {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while folder.pathExtension == "xctest" || folder.lastPathComponent == "Contents" || folder.lastPathComponent == "MacOS" {
            folder.deleteLastPathComponent()
        }
        return folder
    }

    static func worker(_ arguments: [String], environment: [String: String], in directory: URL) throws -> Process {
        let process = Process()
        process.executableURL = buildFolder.appendingPathComponent("switchboard-worker")
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = environment.merging(["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin"]) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    @Test func `a worker killed mid-batch loses nothing and resends nothing it acknowledged`() async throws {
        let server = try OwnSMTPServer(delay: 0.02)
        try await server.start()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("switchboard-kill-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let environment = [
            "SWITCHBOARD_DATABASE_URL": "sqlite://\(directory.path)/switchboard.db",
            "SWITCHBOARD_DATA_DIR": directory.path,
            "SWITCHBOARD_NOTIFIER_URL": "smtp://127.0.0.1:\(server.port)?tls=none&from=support@acme.test",
        ]
        var logger = Logger(label: "WorkerKillTests")
        logger.logLevel = .critical
        let settings = try Settings.parse(environment: environment)

        // The tickets, through the use cases, on the database the worker will use.
        let expected: Set<String> = try await Runtime.with(settings: settings, logger: logger) { runtime in
            try await runtime.storage.migrate()
            let deps = runtime.dependencies
            let organization = try await OrganizationUseCases(deps).create(slug: "acme", name: "Acme")
            let customer = try await UserUseCases(deps).provision(
                .init(email: "customer@acme.test", name: "Casey", password: "password1", role: .customer), in: organization.id
            )
            let actor = Actor(userID: customer.id, organizationID: organization.id, role: .customer)
            for index in 0..<Self.ticketCount {
                _ = try await TicketUseCases(deps).create(NewTicket(subject: "Crash \(index)", description: "Before the crash."), actor: actor)
            }
            let jobs = try await runtime.storage.jobs(kind: Outbox.jobKind, state: .pending, limit: 10_000)
            return Set(try jobs.map { "<notification.\(try Outbox.request(in: $0).id)@acme.test>" })
        }
        #expect(expected.count >= Self.ticketCount, "notifications queued: \(expected.count)")

        // A worker delivers in batches of 20 until it is killed, a third of the way through.
        let first = try Self.worker(["--batch-size", "20", "--interval", "0.1"], environment: environment, in: directory)
        let deadline = Date().addingTimeInterval(120)
        while server.count() < expected.count / 3, first.isRunning, Date() < deadline {
            try await Task.sleep(for: .milliseconds(5))
        }
        kill(first.processIdentifier, SIGKILL)
        await ProcessHandle(first).waitForExit()
        #expect(first.terminationReason == .uncaughtSignal, "the worker was killed, not finished")
        let atKill = server.count()
        try #require(atKill < expected.count, "the worker finished before it could be killed (\(atKill) of \(expected.count) sent)")

        // What it acknowledged is what left the outbox; the rest is still there (some of it leased to the dead worker).
        let (acknowledged, outstanding): (Set<String>, Set<String>) = try await Runtime.with(settings: settings, logger: logger) { runtime in
            let pending = try await runtime.storage.jobs(kind: Outbox.jobKind, state: .pending, limit: 10_000)
            let failed = try await runtime.storage.jobs(kind: Outbox.jobKind, state: .failed, limit: 10_000)
            #expect(failed.isEmpty, "deliveries failed: \(failed.map { $0.lastError ?? "" })")
            let left = Set(try pending.map { "<notification.\(try Outbox.request(in: $0).id)@acme.test>" })
            return (expected.subtracting(left), left)
        }
        #expect(!acknowledged.isEmpty && !outstanding.isEmpty, "killed mid-way: \(acknowledged.count) acknowledged, \(outstanding.count) outstanding")

        // A second worker process delivers what is not leased; the dead worker's leases expire after the
        // lease time, simulated here by a pass whose clock is past it.
        let second = try Self.worker(["--once", "--batch-size", "1000"], environment: environment, in: directory)
        await ProcessHandle(second).waitForExit()
        #expect(second.terminationStatus == 0, "second worker --once exit status")
        try await Runtime.with(settings: settings, logger: logger) { runtime in
            let later = ManualClock(Date().addingTimeInterval(Double(NotificationDelivery(runtime.dependencies, notifier: runtime.notifier).leaseSeconds) + 60))
            let deps = Dependencies(
                storage: runtime.storage, clock: later, ids: SequentialIDGenerator(clock: later), transport: runtime.transport,
                passwordHasher: runtime.dependencies.passwordHasher, secrets: runtime.dependencies.secrets
            )
            let report = try await NotificationDelivery(deps, notifier: runtime.notifier).deliverDue(holder: "after-the-crash", limit: 1_000)
            #expect(report.failed == 0 && report.retried == 0, "the pass after the lease expired: \(report)")
            #expect(try await runtime.storage.jobs(kind: Outbox.jobKind, state: .pending, limit: 10_000).isEmpty, "the outbox is empty")
        }

        let received = try server.messageIDs()
        var counts: [String: Int] = [:]
        for id in received { counts[id, default: 0] += 1 }
        #expect(Set(counts.keys) == expected, "every notification arrived (missing: \(expected.subtracting(counts.keys).count))")
        for id in acknowledged {
            #expect(counts[id] == 1, "acknowledged \(id) arrived \(counts[id] ?? 0) times")
        }
        let duplicated = counts.filter { $0.value > 1 }
        #expect(duplicated.keys.allSatisfy(outstanding.contains) && duplicated.values.allSatisfy { $0 == 2 },
                "only deliveries in flight at the kill may arrive twice: \(duplicated)")
    }
}
