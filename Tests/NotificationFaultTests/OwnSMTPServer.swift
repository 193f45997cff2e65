import Foundation
import TestSupport
import Testing

/// An SMTP test server of the test's own (scripts/smtp-test-server.py through the command
/// `scripts/test-smtp` exports as SWITCHBOARD_TEST_SMTP_SERVER), so that the test can stop it and start
/// it again on the same port: the outage a notifier must survive. No AUTH, no TLS.
final class OwnSMTPServer: @unchecked Sendable {
    let port: Int
    let mailbox: URL
    let delay: Double
    private var process: Process?

    static let missingMessage: Comment =
        "SWITCHBOARD_TEST_SMTP_SERVER is not set: run the suite through scripts/test, which installs the SMTP test server (scripts/test-smtp)"

    /// With a server command, and also without one under CI=true, where its absence must fail the run.
    static var shouldRun: Bool {
        let environment = ProcessInfo.processInfo.environment
        return environment["SWITCHBOARD_TEST_SMTP_SERVER"] != nil || environment["CI"] == "true"
    }

    /// A server on a free port, not yet started (so it is "down" until `start()`).
    init(delay: Double = 0, sourceLocation: SourceLocation = #_sourceLocation) throws {
        _ = try #require(ProcessInfo.processInfo.environment["SWITCHBOARD_TEST_SMTP_SERVER"], Self.missingMessage, sourceLocation: sourceLocation)
        port = try freeLocalPort()
        mailbox = FileManager.default.temporaryDirectory.appendingPathComponent("switchboard-mailbox-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: mailbox, withIntermediateDirectories: true)
        self.delay = delay
    }

    deinit {
        killWithoutWaiting()
        try? FileManager.default.removeItem(at: mailbox)
    }

    /// Starts the server and returns once it listens (it prints "ready"); waits off the cooperative pool.
    func start() async throws {
        let command = ProcessInfo.processInfo.environment["SWITCHBOARD_TEST_SMTP_SERVER"]!.split(separator: " ").map(String.init)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst()) + ["--port", String(port), "--mailbox", mailbox.path, "--delay", String(delay)]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        self.process = process
        let reader = out.fileHandleForReading
        let ready = await offThePool {
            var seen = Data()
            while !String(decoding: seen, as: UTF8.self).contains("ready") {
                let chunk = reader.availableData
                if chunk.isEmpty { return false }
                seen.append(chunk)
            }
            return true
        }
        if !ready {
            let status = await ProcessHandle(process).waitForExit()
            throw ServerError(description: "the SMTP test server exited (status \(status)) before it was ready")
        }
    }

    /// Stops the server (SIGKILL: an outage, not a polite shutdown) and waits for it, off the cooperative pool.
    func stop() async {
        guard let process, process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        await ProcessHandle(process).waitForExit()
        self.process = nil
    }

    /// SIGKILL without waiting (for `deinit`).
    private func killWithoutWaiting() {
        guard let process, process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
    }

    /// The `Message-ID` of every message received, in the order accepted, over every sender.
    func messageIDs() throws -> [String] {
        let manager = FileManager.default
        var files: [URL] = []
        for sender in try manager.contentsOfDirectory(at: mailbox, includingPropertiesForKeys: nil) {
            files += try manager.contentsOfDirectory(at: sender, includingPropertiesForKeys: nil).filter { $0.pathExtension == "eml" }
        }
        return try files.sorted { $0.lastPathComponent < $1.lastPathComponent }.map { file in
            let text = String(decoding: try Data(contentsOf: file), as: UTF8.self)
            let line = text.components(separatedBy: "\r\n").first { $0.lowercased().hasPrefix("message-id:") }
            return try #require(line, "\(file.lastPathComponent) has no Message-ID").dropFirst("Message-ID:".count)
                .trimmingCharacters(in: .whitespaces)
        }
    }

    /// How many messages arrived so far (cheap: counts files).
    func count() -> Int {
        let manager = FileManager.default
        let senders = (try? manager.contentsOfDirectory(at: mailbox, includingPropertiesForKeys: nil)) ?? []
        return senders.reduce(0) { total, sender in
            total + ((try? manager.contentsOfDirectory(atPath: sender.path))?.filter { $0.hasSuffix(".eml") }.count ?? 0)
        }
    }

    struct ServerError: Error, CustomStringConvertible { let description: String }
}
