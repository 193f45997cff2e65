#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// A one-trick HTTP server on 127.0.0.1: answers every request with the same response and keeps the
/// head (request line and headers) of each request, so tests can see exactly what the store sent.
final class RecordingHTTPServer: @unchecked Sendable {
    let port: UInt16
    private let listener: Int32
    private let response: Data
    // Guarded by `lock`.
    private let lock = NSLock()
    private var heads: [String] = []
    private var isShutDown = false

    /// - Parameter response: the status line and headers; `Content-Length` and `Connection: close`
    ///   are added.
    init(status: String = "200 OK", headers: [String] = []) throws {
        (listener, port) = try LoopbackSocket.listen()
        response = Data((["HTTP/1.1 \(status)", "Content-Length: 0", "Connection: close"] + headers).joined(separator: "\r\n").utf8 + Array("\r\n\r\n".utf8))
        LoopbackSocket.thread("RecordingHTTPServer") { [self] in serve() }
    }

    var endpoint: URL { URL(string: "http://127.0.0.1:\(port)")! }

    /// The heads of the requests received so far, in order.
    var requests: [String] {
        lock.lock()
        defer { lock.unlock() }
        return heads
    }

    func shutDown() {
        lock.lock()
        isShutDown = true
        lock.unlock()
        Glibc.shutdown(listener, Int32(SHUT_RDWR))
    }

    deinit { shutDown() }

    private func serve() {
        while true {
            let client = accept(listener, nil, nil)
            lock.lock()
            let stop = isShutDown
            lock.unlock()
            if stop {
                if client >= 0 { close(client) }
                close(listener)
                return
            }
            guard client >= 0 else { continue }
            if let head = readRequest(client) {
                lock.lock()
                heads.append(head)
                lock.unlock()
                _ = response.withUnsafeBytes { LoopbackSocket.writeAll(client, $0) }
            }
            close(client)
        }
    }

    /// Reads the head, then as many body bytes as Content-Length announces; returns the head.
    private func readRequest(_ fd: Int32) -> String? {
        var received = Data()
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        let separator = Data("\r\n\r\n".utf8)
        while received.range(of: separator) == nil {
            let count = recv(fd, &buffer, buffer.count, 0)
            guard count > 0 else { return nil }
            received.append(contentsOf: buffer[0..<count])
        }
        let end = received.range(of: separator)!
        let head = String(decoding: received[..<end.lowerBound], as: UTF8.self)
        let length = head.split(separator: "\r\n").compactMap { line -> Int? in
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, parts[0].lowercased() == "content-length" else { return nil }
            return Int(parts[1].trimmingCharacters(in: .whitespaces))
        }.first ?? 0
        var remaining = length - (received.count - end.upperBound)
        while remaining > 0 {
            let count = recv(fd, &buffer, min(buffer.count, remaining), 0)
            guard count > 0 else { break }
            remaining -= count
        }
        return head
    }
}
