import AsyncHTTPClient
import Foundation
import HTTPTypes
import HummingbirdWSClient
import Logging
import NIOCore
import NIOHTTP1
import Synchronization

/// WebSocket fan-out (§15: an event reaches 1,000 connected clients, p99 < 50 ms), against the running API.
///
/// Agents of one department of the bulk dataset connect to `GET /api/v1/realtime` with their bearer tokens (the API
/// allows `connectionsPerUser` connections per user, so 1,000 clients are 100 agents with 10 each) and subscribe to
/// the department's queue room. Then the admin opens one ticket in that department: its `ticket.created` event
/// is queue news every follower of the queue hears (a conversation goes to the ticket's own room, not the
/// queue's). Each client's latency runs from the moment the request was sent to the moment its frame arrived,
/// so it covers the HTTP request, the commit, the relay and the fan-out.
///
/// Logins are bcrypt-bound and limited per client address (30 a minute), so the agents sign in from distinct
/// loopback addresses (127.0.0.2, .3 …: every 127.x address is this machine), as that many browsers would.
struct FanoutBenchmark {
    let api: APIClient
    let adminToken: String
    let password: String
    let organization: String
    let clients: Int
    let connectionsPerUser: Int
    /// Probe tickets opened one after another on the same connections (each waits for the previous one's
    /// receipts): one result per probe. `scripts/bench` uses one; more tell a warm run from a cold one.
    var probes = 1

    /// How long clients have to connect, and then to receive the event, before the missing ones count as lost.
    static let connectDeadline = Duration.seconds(60)
    static let receiveDeadline = Duration.seconds(10)

    func run() async throws -> [FanoutResult] {
        let (department, agentEmails) = try await largestDepartment()
        let users = min(agentEmails.count, (clients + connectionsPerUser - 1) / connectionsPerUser)
        guard users > 0 else { throw APIClient.Failure(description: "the dataset has no active agent in a department") }
        // The probe ticket is the admin's own (its event names them as the customer): no other ticket is.
        guard let admin = ((try await api.send(.GET, "/api/v1/auth/me", token: adminToken))["user"] as? [String: Any])?["id"] as? String else {
            throw APIClient.Failure(description: "GET /api/v1/auth/me returned no id")
        }
        let loginStarted = ContinuousClock.now
        let tokens = try await login(Array(agentEmails.prefix(users)))
        let loginSeconds = LoadRunner.seconds(ContinuousClock.now - loginStarted)

        let connections = min(clients, users * connectionsPerUser)
        let board = Board()
        let socketURL = api.baseURL.replacingOccurrences(of: "http://", with: "ws://") + "/api/v1/realtime"
        let room = "queue:\(department)"
        return try await withThrowingTaskGroup(of: Void.self) { group in
            defer { group.cancelAll() }
            let connectStarted = ContinuousClock.now
            for index in 0..<connections {
                let token = tokens[index / connectionsPerUser]
                group.addTask { await Self.listen(url: socketURL, token: token, room: room, probeCustomer: admin, probes: probes, board: board) }
                // Opening in steps of 100 keeps the upgrade storm from timing out on 2 cores.
                if index % 100 == 99 { await board.waitForConnections(index + 1, until: connectStarted + Self.connectDeadline) }
            }
            await board.waitForConnections(connections, until: connectStarted + Self.connectDeadline)
            let connectSeconds = LoadRunner.seconds(ContinuousClock.now - connectStarted)
            let subscribed = board.subscribed

            var results: [FanoutResult] = []
            for probe in 0..<max(1, probes) {
                let sent = ContinuousClock.now
                board.start(probe, at: sent)
                try await api.send(.POST, "/api/v1/tickets", token: adminToken, json: [
                    "subject": "Fan-out probe", "description": "One event for every follower of the queue.", "departmentId": department,
                ])
                let requestSeconds = LoadRunner.seconds(ContinuousClock.now - sent)
                await board.waitForReceipts(probe, subscribed, until: sent + Self.receiveDeadline)
                let latencies = board.latencies(probe)
                let sample = Sample(
                    scenario: "websocket fan-out", concurrency: connections, latencies: latencies, errors: 0,
                    seconds: latencies.max() ?? 0, firstError: board.firstError)
                results.append(FanoutResult(
                    clients: connections, users: users, subscribed: subscribed, received: latencies.count, loginSeconds: loginSeconds,
                    connectSeconds: connectSeconds, requestMilliseconds: requestSeconds * 1000, p50Milliseconds: sample.p50Milliseconds,
                    p95Milliseconds: sample.p95Milliseconds, p99Milliseconds: sample.p99Milliseconds, maxMilliseconds: (latencies.max() ?? 0) * 1000,
                    firstError: board.firstError))
            }
            return results
        }
    }

    /// The department with the most active agents, and those agents' sign-in addresses.
    private func largestDepartment() async throws -> (String, [String]) {
        let agents = (try await api.send(.GET, "/api/v1/agents", token: adminToken))["items"] as? [[String: Any]] ?? []
        var byDepartment: [String: [String]] = [:]
        for agent in agents where agent["isActive"] as? Bool == true && agent["role"] as? String == "agent" {
            guard let email = agent["email"] as? String, let department = (agent["departmentIds"] as? [String])?.first else { continue }
            byDepartment[department, default: []].append(email)
        }
        guard let best = byDepartment.max(by: { ($0.value.count, $1.key) < ($1.value.count, $0.key) }) else {
            throw APIClient.Failure(description: "GET /api/v1/agents listed no agent with a department")
        }
        return (best.key, best.value.sorted())
    }

    /// Access tokens of `emails`, signed in a few at a time (bcrypt takes a core), 25 per loopback address.
    private func login(_ emails: [String]) async throws -> [String] {
        let loopback = URL(string: api.baseURL)?.host?.hasPrefix("127.") == true
        var tokens = [String](repeating: "", count: emails.count)
        try await withThrowingTaskGroup(of: (Int, String).self) { group in
            var next = 0
            func add() {
                let index = next
                next += 1
                let address = loopback ? "127.0.\(1 + index / 25_000).\(2 + (index / 25) % 250)" : nil
                group.addTask { (index, try await signIn(emails[index], from: address)) }
            }
            while next < min(4, emails.count) { add() }
            while let (index, token) = try await group.next() {
                tokens[index] = token
                if next < emails.count { add() }
            }
        }
        return tokens
    }

    private func signIn(_ email: String, from address: String?) async throws -> String {
        var request = HTTPClientRequest(url: api.baseURL + "/api/v1/auth/login")
        request.method = .POST
        request.localAddress = address
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: [
            "email": email, "password": password, "organization": organization,
        ])))
        let response = try await api.http.execute(request, deadline: .now() + .seconds(60))
        let body = try await response.body.collect(upTo: 1 << 20)
        guard response.status == .ok || response.status == .created,
              let object = try JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any],
              let token = object["accessToken"] as? String
        else { throw APIClient.Failure(description: "login of \(email) from \(address ?? "default address"): HTTP \(response.status.code)") }
        return token
    }

    /// One client: connects, subscribes, and notes when each probe's `ticket.created` arrives (then hangs up).
    /// Its n-th probe event answers the n-th probe: the driver sends the next only after the previous one's receipts.
    private static func listen(url: String, token: String, room: String, probeCustomer: String, probes: Int, board: Board) async {
        var logger = Logger(label: "bench.fanout")
        logger.logLevel = .critical
        var headers = HTTPFields()
        headers[.authorization] = "Bearer \(token)"
        do {
            try await WebSocketClient.connect(url: url, configuration: .init(maxFrameSize: 1 << 16, additionalHeaders: headers), logger: logger) { inbound, outbound, _ in
                try await outbound.write(.text("{\"type\":\"subscribe\",\"room\":\"\(room)\"}"))
                var heard = 0
                for try await message in inbound.messages(maxSize: 1 << 20) {
                    let arrived = ContinuousClock.now
                    guard case .text(let text) = message else { continue }
                    if text.contains("\"type\":\"subscribed\"") {
                        board.connected()
                    } else if text.contains("\"type\":\"ticket.created\"") && text.contains(probeCustomer) {
                        board.received(heard, at: arrived)
                        heard += 1
                        if heard >= probes { return }
                    } else if text.contains("\"type\":\"error\"") {
                        board.failed(text)
                        return
                    }
                }
            }
        } catch is CancellationError {
        } catch {
            board.failed(String(describing: error))
        }
    }

    /// What every client reports, behind one lock; the driver polls it (the measured path itself never waits on it).
    final class Board: Sendable {
        private struct State {
            var subscribed = 0
            var failures = 0
            var firstError: String?
            /// When each probe's request was sent, and its clients' latencies.
            var sent: [Int: ContinuousClock.Instant] = [:]
            var latencies: [Int: [Double]] = [:]
        }

        private let state = Mutex(State())

        func connected() { state.withLock { $0.subscribed += 1 } }
        func failed(_ error: String) {
            state.withLock { state in
                state.failures += 1
                if state.firstError == nil { state.firstError = error }
            }
        }
        func start(_ probe: Int, at instant: ContinuousClock.Instant) { state.withLock { $0.sent[probe] = instant } }
        func received(_ probe: Int, at instant: ContinuousClock.Instant) {
            state.withLock { state in
                guard let sent = state.sent[probe] else { return }
                state.latencies[probe, default: []].append(LoadRunner.seconds(instant - sent))
            }
        }

        var subscribed: Int { state.withLock { $0.subscribed } }
        func latencies(_ probe: Int) -> [Double] { state.withLock { $0.latencies[probe] ?? [] } }
        var firstError: String? { state.withLock { $0.firstError } }

        /// Until `count` clients subscribed or failed, or the deadline.
        func waitForConnections(_ count: Int, until deadline: ContinuousClock.Instant) async {
            while ContinuousClock.now < deadline, state.withLock({ $0.subscribed + $0.failures }) < count {
                try? await Task.sleep(for: .milliseconds(10))
            }
        }

        /// Until `count` clients received the event of `probe`, or the deadline.
        func waitForReceipts(_ probe: Int, _ count: Int, until deadline: ContinuousClock.Instant) async {
            while ContinuousClock.now < deadline, state.withLock({ $0.latencies[probe]?.count ?? 0 }) < count {
                try? await Task.sleep(for: .milliseconds(5))
            }
        }
    }
}
