import Foundation
import HTTPTypes
import HummingbirdWSClient
import Logging
import NIOWebSocket
import Synchronization
import Testing

/// A real WebSocket client (hummingbird-websocket's `WebSocketClient`) on a connection of its own, as a
/// browser or app would hold it: tests send frames and await the frames they expect, with a deadline,
/// instead of sleeping.
final class RealtimeTestClient: Sendable {
    /// One frame the server sent, parsed on demand.
    struct Frame: Sendable, CustomStringConvertible {
        let text: String
        var object: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:] }
        var type: String? { object["type"] as? String }
        var room: String? { object["room"] as? String }
        var code: String? { object["code"] as? String }
        var seq: Int64? { (object["seq"] as? NSNumber)?.int64Value }
        func data(_ key: String) -> String? { (object["data"] as? [String: Any])?[key] as? String }
        var description: String { text }
    }

    private let log = FrameLog()
    private let outgoing: AsyncStream<String>.Continuation
    private let connection: Task<Void, Never>
    let name: String

    /// Connects to `url` (with `headers`, e.g. a bearer token) and waits until the upgrade succeeded;
    /// throws when the server refused it.
    static func connect(_ url: String, headers: HTTPFields = [:], name: String) async throws -> RealtimeTestClient {
        let client = RealtimeTestClient(url: url, headers: headers, name: name)
        client.send(["type": "ping"])
        guard try await client.next("pong after connecting", where: { $0.type == "pong" }) != nil else {
            throw TestFailure("\(name) could not connect to \(url)")
        }
        return client
    }

    private init(url: String, headers: HTTPFields, name: String) {
        self.name = name
        let (messages, outgoing) = AsyncStream.makeStream(of: String.self)
        self.outgoing = outgoing
        let log = log
        var logger = Logger(label: "realtime.test.client")
        logger.logLevel = .critical
        connection = Task {
            let close = try? await WebSocketClient.connect(
                url: url, configuration: .init(maxFrameSize: 1 << 16, additionalHeaders: headers), logger: logger
            ) { inbound, outbound, _ in
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask {
                        for await text in messages { try await outbound.write(.text(text)) }
                    }
                    for try await message in inbound.messages(maxSize: 1 << 20) {
                        guard case .text(let text) = message else { continue }
                        log.update { $0.frames.append(Frame(text: text)) }
                    }
                    group.cancelAll()
                }
            }
            log.update {
                $0.ended = true
                $0.closeCode = close?.closeCode
            }
        }
    }

    /// Sends one JSON frame.
    func send(_ object: [String: any Sendable]) {
        let data = (try? JSONSerialization.data(withJSONObject: object)) ?? Data()
        outgoing.yield(String(decoding: data, as: UTF8.self))
    }

    /// Sends text as is (malformed or oversized frames).
    func sendRaw(_ text: String) { outgoing.yield(text) }

    /// The first frame received so far (or within the deadline) that matches; nil when the connection
    /// ended or the deadline passed first.
    func next(_ what: String, within limit: Duration = .seconds(10), where predicate: @escaping @Sendable (Frame) -> Bool) async throws -> Frame? {
        let log = log
        let id = log.state.withLock { state in
            defer { state.nextID += 1 }
            return state.nextID
        }
        let timer = Task {
            try? await Task.sleep(for: limit)
            log.resume(waiter: id, with: nil)
        }
        defer { timer.cancel() }
        return await withCheckedContinuation { continuation in
            let ready: Frame?? = log.state.withLock { state in
                if let match = state.frames.first(where: predicate) { return .some(match) }
                if state.ended { return .some(nil) }
                state.waiters.append(FrameLog.Waiter(id: id, predicate: predicate, continuation: continuation))
                return nil
            }
            if let ready { continuation.resume(returning: ready) }
        }
    }

    /// Every frame received so far.
    var frames: [Frame] { log.state.withLock { $0.frames } }

    /// Waits until the server closed the connection and returns its close code (nil if it did not within the deadline).
    func closed(within limit: Duration = .seconds(10)) async -> WebSocketErrorCode?? {
        let ended = Task { await connection.value }
        let timer = Task {
            try? await Task.sleep(for: limit)
            ended.cancel()
        }
        await ended.value
        timer.cancel()
        return log.state.withLock { $0.ended ? .some($0.closeCode) : nil }
    }

    /// Closes the connection from the client side.
    func disconnect() async {
        outgoing.finish()
        connection.cancel()
        await connection.value
    }

}

/// What one test client received, and the tests waiting for frames, behind one lock.
private final class FrameLog: Sendable {
    typealias Frame = RealtimeTestClient.Frame

    struct Waiter {
        let id: Int
        let predicate: @Sendable (Frame) -> Bool
        let continuation: CheckedContinuation<Frame?, Never>
    }

    struct State {
        var frames: [Frame] = []
        var ended = false
        var closeCode: WebSocketErrorCode?
        var waiters: [Waiter] = []
        var nextID = 0
    }

    let state = Mutex(State())

    func update(_ change: (inout State) -> Void) {
        let ready = state.withLock { state -> [(CheckedContinuation<Frame?, Never>, Frame?)] in
            change(&state)
            var ready: [(CheckedContinuation<Frame?, Never>, Frame?)] = []
            state.waiters.removeAll { waiter in
                if let match = state.frames.first(where: waiter.predicate) {
                    ready.append((waiter.continuation, match))
                    return true
                }
                if state.ended {
                    ready.append((waiter.continuation, nil))
                    return true
                }
                return false
            }
            return ready
        }
        for (continuation, frame) in ready { continuation.resume(returning: frame) }
    }

    func resume(waiter id: Int, with frame: Frame?) {
        let waiter = state.withLock { state -> Waiter? in
            guard let index = state.waiters.firstIndex(where: { $0.id == id }) else { return nil }
            return state.waiters.remove(at: index)
        }
        waiter?.continuation.resume(returning: frame)
    }
}
