import Foundation
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

    /// The executable next to the test bundle in the build folder (SwiftPM builds both).
    static var executable: URL {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while folder.pathExtension == "xctest" || folder.lastPathComponent == "Contents" || folder.lastPathComponent == "MacOS" {
            folder.deleteLastPathComponent()
        }
        return folder.appendingPathComponent("switchboard-api")
    }

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

    /// SIGTERM, then the exit status (0 when it shut down gracefully).
    func stop() -> Int32 {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        return process.terminationStatus
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

    /// A TCP port nobody listens on right now (the kernel's pick for port 0).
    static func freePort() throws -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw ServerFailure("socket: \(errno)") }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) } }
        guard bound == 0 else { throw ServerFailure("bind: \(errno)") }
        let named = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) } }
        guard named == 0 else { throw ServerFailure("getsockname: \(errno)") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

struct ServerFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
