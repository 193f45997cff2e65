import Domain
import Foundation
import Logging
import PostgresNIO
import Synchronization

/// The transport port across processes (SPEC §7): events are rows of `<namespace>_events`, numbered by
/// its `bigserial`, and announced with `pg_notify` when their transaction commits. Every instance
/// LISTENs on one connection and fans what it hears out to its own subscribers, so an event published
/// by a worker reaches a client connected to any API process.
///
/// Ordering: publishers take a transaction-scoped advisory lock before numbering, so numbers are
/// allotted in commit order and notifications arrive in number order. A notification carries the events
/// themselves when they fit NOTIFY's 8000-byte payload, otherwise only their numbers (readers fetch the
/// rows); a listener that notices a gap (a lost connection, a missed notification) fetches what it
/// missed, so subscribers see every number in order.
///
/// Lifecycle: `run()` must run (in a `ServiceGroup`, or a task cancelled at shutdown) for anything to
/// work; it creates the table if needed, keeps the listener connected and ends every subscription
/// when it returns.
public final class PostgresTransport: Transport {
    public let configuration: PostgresTransportConfiguration
    let client: PostgresClient
    let logger: Logger
    private let fanOut: SubscriberFanOut
    /// The highest number delivered to this instance's subscribers; the listener only moves it forward.
    private let delivered = Mutex<Int64>(0)
    /// Resumed once the table exists and the listener listens: calls wait for it.
    private let readiness = Readiness()

    /// The advisory lock numbering events; the same in every process sharing the namespace.
    var publishLock: Int64 { Int64(bitPattern: UInt64(truncatingIfNeeded: configuration.namespace.utf8.reduce(14_695_981_039_346_656_037 as UInt64) { ($0 ^ UInt64($1)) &* 1_099_511_628_211 })) }
    var table: String { "\(configuration.namespace)_events" }

    public init(configuration: PostgresTransportConfiguration, logger: Logger) throws {
        guard configuration.hasValidNamespace else { throw PostgresTransportError.invalidNamespace(configuration.namespace) }
        self.configuration = configuration
        self.logger = logger
        fanOut = SubscriberFanOut(bufferSize: configuration.subscriberBufferSize)
        var client = PostgresClient.Configuration(
            host: configuration.host, port: configuration.port, username: configuration.username,
            password: configuration.password, database: configuration.database, tls: .disable)
        client.options.maximumConnections = configuration.maximumConnections
        self.client = PostgresClient(configuration: client, backgroundLogger: logger)
    }

    /// Runs the pool and the listener until cancelled, then ends every subscription.
    public func run() async {
        await withDiscardingTaskGroup { group in
            group.addTask { await self.client.run() }
            group.addTask {
                await self.listen()
            }
        }
        fanOut.finishAll()
    }

    // MARK: Transport

    @discardableResult
    public func publish(_ events: [DomainEvent]) async throws -> [PublishedEvent] {
        guard !events.isEmpty else { return [] }
        try await readiness.wait()
        let payloads = try events.map { try $0.jsonText() }
        return try await client.withConnection { connection in
            _ = try await connection.query("BEGIN", logger: logger)
            do {
                _ = try await connection.query("SELECT pg_advisory_xact_lock(\(publishLock))", logger: logger)
                let numbers = try await connection.query(
                    """
                    INSERT INTO \(unescaped: table) (payload)
                    SELECT payload FROM unnest(\(payloads)::text[]) WITH ORDINALITY AS given(payload, position) ORDER BY position
                    RETURNING sequence
                    """, logger: logger
                ).collect().map { try $0.decode(Int64.self) }.sorted()
                let published = zip(numbers, events).map { PublishedEvent(sequence: $0, event: $1) }
                _ = try await connection.query("SELECT pg_notify(\(configuration.namespace), \(Notice.payload(numbers: numbers, events: payloads)))", logger: logger)
                _ = try await connection.query("""
                    DELETE FROM \(unescaped: table) WHERE sequence <= (
                        SELECT sequence FROM \(unescaped: table) ORDER BY sequence DESC OFFSET \(configuration.retainedEventCount) LIMIT 1)
                    """, logger: logger)
                _ = try await connection.query("COMMIT", logger: logger)
                return published
            } catch {
                try? await connection.query("ROLLBACK", logger: logger)
                throw error
            }
        }
    }

    public func subscribe() async -> AsyncStream<PublishedEvent> {
        // Numbered after what is committed now: events published before this call are not delivered live.
        let after: Int64
        do {
            try await readiness.wait()
            after = try await latestSequence()
        } catch {
            after = delivered.withLock { $0 }
        }
        return fanOut.subscribe(after: after)
    }

    public func events(after sequence: Int64) async throws -> [PublishedEvent] {
        try await readiness.wait()
        return try await fetch(after: sequence)
    }

    /// Returns once the table exists and the listener listens (what every call waits for first); throws
    /// `PostgresTransportError.notRunning` if `run()` ended before that. For a caller that wants the
    /// transport started before it serves, and for tests that separate starting from the calls they time.
    public func waitUntilReady() async throws {
        try await readiness.wait()
    }

    /// How many subscriptions are live (tests, metrics).
    public var subscriberCount: Int { fanOut.count }

    /// Ends every live subscription; later ones work as usual.
    public func finishAllSubscriptions() { fanOut.finishAll() }

    // MARK: Listening

    /// Creates the table, then listens until cancelled, reconnecting after a failure.
    ///
    /// The listener holds a connection of its own, outside the pool: it is not a short lease, and it must
    /// not depend on the pool's lifetime. When both were cancelled together at shutdown, a listener asking
    /// a pool that had already stopped for a connection could wait forever (`switchboard migrate` on
    /// PostgreSQL then never exited: about one run in twenty, and once a whole CI run).
    private func listen() async {
        var first = true
        while !Task.isCancelled {
            do {
                try await withListenerConnection { connection in
                    logger.debug("real-time listener connected", metadata: ["namespace": "\(configuration.namespace)"])
                    try await createTable(connection)
                    logger.debug("real-time table ready", metadata: ["namespace": "\(configuration.namespace)"])
                    try await connection.listen(on: configuration.namespace) { notifications in
                        // Listening before reading the baseline: nothing committed after it is missed. After a
                        // reconnect the old position stays, so that what was published meanwhile is caught up.
                        if first {
                            let baseline = try await latestSequence(connection)
                            delivered.withLock { $0 = max($0, baseline) }
                            first = false
                            readiness.open()
                            logger.debug("real-time listener listening", metadata: ["namespace": "\(configuration.namespace)", "after": "\(baseline)"])
                        }
                        // Anything missed while disconnected (after a reconnect) is caught up at once.
                        try await catchUp(using: connection)
                        for try await notification in notifications {
                            try await handle(notification.payload, connection: connection)
                        }
                    }
                }
            } catch {
                if Task.isCancelled { break }
                logger.warning("real-time listener lost its connection; reconnecting", metadata: ["error": "\(String(reflecting: error))"])
                try? await Task.sleep(for: .milliseconds(500))
            }
        }
        readiness.fail()
    }

    /// Runs `body` on a new connection and closes it afterwards, also when `body` throws.
    private func withListenerConnection(_ body: (PostgresConnection) async throws -> Void) async throws {
        let settings = PostgresConnection.Configuration(
            host: configuration.host, port: configuration.port, username: configuration.username,
            password: configuration.password, database: configuration.database, tls: .disable)
        let connection = try await PostgresConnection.connect(configuration: settings, id: 0, logger: logger)
        do {
            try await body(connection)
        } catch {
            try? await connection.close()
            throw error
        }
        try? await connection.close()
    }

    private func handle(_ payload: String, connection: PostgresConnection) async throws {
        let last = delivered.withLock { $0 }
        switch Notice(payload) {
        case .events(let numbered) where numbered.first?.sequence == last + 1:
            deliver(numbered)
        case .events(let numbered) where (numbered.last?.sequence ?? 0) <= last:
            return // already delivered by a catch-up
        default:
            // By reference (too large for NOTIFY), or a gap: read the rows.
            try await catchUp(using: connection)
        }
    }

    private func catchUp(using connection: PostgresConnection) async throws {
        var from = delivered.withLock { $0 }
        while true {
            let missed = try await fetch(after: from, connection: connection)
            deliver(missed)
            guard let last = missed.last, missed.count == Self.fetchBatch else { return }
            from = last.sequence
        }
    }

    private func deliver(_ events: [PublishedEvent]) {
        guard let last = events.last?.sequence else { return }
        fanOut.deliver(events)
        delivered.withLock { $0 = max($0, last) }
    }

    // MARK: SQL

    static let fetchBatch = 1_000

    private func createTable(_ connection: PostgresConnection) async throws {
        // Serialised with a transaction-scoped advisory lock: concurrent CREATE TABLE IF NOT EXISTS can
        // still collide. Transaction-scoped, so that no path (an error, a cancelled task) can leave the
        // lock held on a connection that goes back to the pool, where it would stall every other
        // instance's start.
        _ = try await connection.query("BEGIN", logger: logger)
        do {
            _ = try await connection.query("SELECT pg_advisory_xact_lock(\(publishLock))", logger: logger)
            _ = try await connection.query(
                "CREATE TABLE IF NOT EXISTS \(unescaped: table) (sequence bigserial PRIMARY KEY, payload text NOT NULL)", logger: logger)
            _ = try await connection.query("COMMIT", logger: logger)
        } catch {
            _ = try? await connection.query("ROLLBACK", logger: logger)
            throw error
        }
    }

    private func latestSequence(_ connection: PostgresConnection? = nil) async throws -> Int64 {
        let query: PostgresQuery = "SELECT coalesce(max(sequence), 0)::bigint FROM \(unescaped: table)"
        let rows = if let connection {
            try await connection.query(query, logger: logger).collect()
        } else {
            try await client.query(query, logger: logger).collect()
        }
        return try rows.first?.decode(Int64.self) ?? 0
    }

    private func fetch(after sequence: Int64, connection: PostgresConnection? = nil) async throws -> [PublishedEvent] {
        let limit = connection == nil ? configuration.retainedEventCount : Self.fetchBatch
        let query: PostgresQuery = "SELECT sequence, payload FROM \(unescaped: table) WHERE sequence > \(sequence) ORDER BY sequence LIMIT \(limit)"
        let rows = if let connection {
            try await connection.query(query, logger: logger).collect()
        } else {
            try await client.query(query, logger: logger).collect()
        }
        return try rows.map { row in
            let (number, payload) = try row.decode((Int64, String).self)
            return PublishedEvent(sequence: number, event: try DomainEvent(jsonText: payload))
        }
    }
}

/// Why a `PostgresTransport` cannot be made or used.
public enum PostgresTransportError: Error, Sendable, CustomStringConvertible {
    case invalidNamespace(String)
    /// `run()` ended (or never ran): nothing can be published or replayed.
    case notRunning

    public var description: String {
        switch self {
        case .invalidNamespace(let namespace): "the real-time namespace \"\(namespace)\" must be letters, digits and _ (at most 50)"
        case .notRunning: "the PostgreSQL transport is not running"
        }
    }
}
