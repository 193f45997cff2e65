import Foundation
import TestSupport
import Testing

/// `switchboard-worker` as a process: delivers what the CLI's changes put in the outbox, once.
@Suite(.serialized)
struct WorkerTests {
    static func start(_ executable: String, _ arguments: [String], in directory: URL) throws -> (Process, Pipe, Pipe) {
        let process = Process()
        process.executableURL = BuildProducts.executable(executable)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin"]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        return (process, out, err)
    }

    static func run(_ executable: String, _ arguments: [String], in directory: URL) async throws -> ChildProcess.Outcome {
        try await ChildProcess.run(BuildProducts.executable(executable), arguments, in: directory)
    }

    static func temporaryDirectory() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("switchboard-worker-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func deliversEachOutboxNotificationExactlyOnce() async throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let seed = try await Self.run("switchboard", ["seed", "--demo"], in: dir)
        #expect(seed.status == 0, "seed: \(seed.stderr)")

        let first = try await Self.run("switchboard-worker", ["--once"], in: dir)
        #expect(first.status == 0, "worker: \(first.stderr)")
        let lines = first.stdout.split(separator: "\n")
        #expect(lines.count == 3, "one confirmation per demo ticket: \(first.stdout)")
        for line in lines {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(object?["kind"] as? String == "ticket_created")
            #expect((object?["subject"] as? String)?.hasPrefix("[TKT-00000") == true, "rendered with the allocated number: \(line)")
        }
        #expect(first.stderr.contains("delivered 3"))

        let second = try await Self.run("switchboard-worker", ["--once"], in: dir)
        #expect(second.stdout.isEmpty, "nothing is delivered twice: \(second.stdout)")
        let failed = try await Self.run("switchboard", ["outbox", "list", "--failed"], in: dir)
        #expect(failed.stdout == "no failed deliveries\n", "outbox list: \(failed.stderr)")
    }

    @Test func sigtermEndsTheWorkerCleanly() async throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try await Self.run("switchboard", ["migrate"], in: dir)
        let (process, _, err) = try Self.start("switchboard-worker", ["--interval", "0.2"], in: dir)
        // Wait until its service runs (signal handling is in place by then), then ask it to stop.
        let reader = err.fileHandleForReading
        let log = await offThePool {
            let started = Date()
            var log = Data()
            while !String(decoding: log, as: UTF8.self).contains("outbox delivery running"), Date().timeIntervalSince(started) < 20 {
                let chunk = reader.availableData
                if chunk.isEmpty { break }
                log.append(chunk)
            }
            return log
        }
        #expect(String(decoding: log, as: UTF8.self).contains("outbox delivery running"))
        process.terminate()
        await ProcessHandle(process).waitForExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 0, "graceful shutdown exits 0")
    }
}
