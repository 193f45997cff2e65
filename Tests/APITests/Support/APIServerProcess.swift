import Foundation
import TestSupport
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The built `switchboard-api` executable run as a separate process on a folder of its own, the way an
/// operator runs it, and spoken to over real sockets.
final class APIServerProcess: @unchecked Sendable {
    let process = Process()
    let base: URL
    private let output = Pipe()
    private let errors = Pipe()
    /// Everything the server printed, guarded by `lock` (written by the reader thread).
    private var printed = ""
    private var errorText = ""
    private let lock = NSLock()
    /// Yields once the server has printed that it listens; finishes when its output ends.
    private let listening: AsyncStream<Void>
    private let listeningContinuation: AsyncStream<Void>.Continuation

    /// The built `switchboard-api`.
    static var executable: URL { BuildProducts.executable("switchboard-api") }

    /// Starts `switchboard-api arguments…` in `directory` with only `SWITCHBOARD_PORT`, PATH and
    /// `environment` set (nothing leaks in from the test's own environment).
    init(arguments: [String], in directory: URL, port: Int, environment: [String: String] = [:]) throws {
        base = URL(string: "http://127.0.0.1:\(port)")!
        (listening, listeningContinuation) = AsyncStream.makeStream(of: Void.self)
        process.executableURL = Self.executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = environment.merging(
            ["SWITCHBOARD_PORT": String(port), "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin"]
        ) { _, fixed in fixed }
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        for (pipe, isError) in [(output, false), (errors, true)] {
            let handle = pipe.fileHandleForReading
            Thread.detachNewThread { [self] in
                while true {
                    let chunk = handle.availableData
                    if chunk.isEmpty {
                        if !isError { listeningContinuation.finish() }
                        return
                    }
                    let listens = lock.withLock {
                        if isError { errorText += String(decoding: chunk, as: UTF8.self) } else { printed += String(decoding: chunk, as: UTF8.self) }
                        return printed.contains("listening on \(base.absoluteString)")
                    }
                    if listens { listeningContinuation.yield() }
                }
            }
        }
    }

    var stdout: String { lock.withLock { printed } }
    var stderr: String { lock.withLock { errorText } }

    /// Waits until the server prints that it listens; fails when it exits first or `timeout` passes.
    func waitUntilListening(timeout: Duration = .seconds(120)) async throws {
        let listening = self.listening
        let heard = try await withThrowingTaskGroup(of: Bool.self) { group in
            group.addTask { await listening.first { _ in true } != nil }
            group.addTask {
                try await Task.sleep(for: timeout)
                return false
            }
            let first = try await group.next() ?? false
            group.cancelAll()
            return first
        }
        guard heard else { throw ServerFailure("did not listen (exited: \(!process.isRunning)): \(stdout) \(stderr)") }
    }

    /// SIGTERM, then the exit status (0 when it shut down gracefully), waited for off the cooperative pool.
    func stop() async -> Int32 {
        terminate()
        return await ProcessHandle(process).waitForExit()
    }

    /// SIGTERM without waiting (for `defer`, where nothing can be awaited).
    func terminate() {
        if process.isRunning { process.terminate() }
    }

    /// Sends a JSON request to `path` (from `/`, query allowed) and returns the status, parsed body and response headers (names lowercased).
    func call(
        _ method: String, _ path: String, token: String? = nil, headers: [String: String] = [:], json: [String: any Sendable]? = nil
    ) async throws -> (status: Int, json: JSON, headers: [String: String]) {
        // Joined as text, so that a query string in `path` stays a query (a path component would escape its `?`).
        guard let url = URL(string: base.absoluteString + path) else { throw ServerFailure("not a path: \(path)") }
        var request = URLRequest(url: url)
        request.httpMethod = method
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        if let json {
            request.httpBody = try JSONSerialization.data(withJSONObject: json)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = response as? HTTPURLResponse
        var received: [String: String] = [:]
        for case (let name as String, let value as String) in http?.allHeaderFields ?? [:] { received[name.lowercased()] = value }
        return (http?.statusCode ?? 0, data.isEmpty ? .missing : ((try? JSON(data: data)) ?? .missing), received)
    }
}

struct ServerFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
