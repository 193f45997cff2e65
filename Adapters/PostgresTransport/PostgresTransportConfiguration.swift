import Foundation

/// Where a `PostgresTransport` keeps its events and how much it buffers.
public struct PostgresTransportConfiguration: Sendable {
    public var host: String
    public var port: Int
    public var username: String
    public var password: String?
    public var database: String?
    /// Names the event table (`<namespace>_events`) and the NOTIFY channel (`<namespace>`). Every process
    /// of one deployment uses the same; a test gives each transport its own. Letters, digits and `_` only.
    public var namespace: String
    /// How many events a subscriber may fall behind before it is dropped.
    public var subscriberBufferSize: Int
    /// How many of the latest events `events(after:)` can replay; older rows are deleted as new ones arrive.
    public var retainedEventCount: Int
    /// Connections of the pool that publishes and replays (the listener holds one more).
    public var maximumConnections: Int

    public init(
        host: String, port: Int = 5432, username: String, password: String?, database: String?,
        namespace: String = "switchboard_realtime", subscriberBufferSize: Int = 1024, retainedEventCount: Int = 10_000,
        maximumConnections: Int = 4
    ) {
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.database = database
        self.namespace = namespace
        self.subscriberBufferSize = subscriberBufferSize
        self.retainedEventCount = retainedEventCount
        self.maximumConnections = maximumConnections
    }

    /// Whether `namespace` can be used as an identifier as it is (it is spliced into SQL, never bound).
    var hasValidNamespace: Bool {
        !namespace.isEmpty && namespace.count <= 50 && namespace.first.map { $0.isLetter || $0 == "_" } == true
            && namespace.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
    }
}
