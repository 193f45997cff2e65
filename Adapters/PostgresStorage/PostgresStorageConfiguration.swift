import Foundation

/// Where a `PostgresStorage` connects and how its pool behaves.
public struct PostgresStorageConfiguration: Sendable, Equatable {
    public var host: String
    public var port: Int
    public var username: String
    /// `nil` for trust or peer authentication.
    public var password: String?
    public var database: String
    /// The schema the tables live in (the connection's `search_path`); `nil` keeps the server's default
    /// (`public` for most installs). Tests give every store a schema of its own.
    public var schema: String?
    /// Upper bound of the pool; every API or worker process has its own pool, so the server's
    /// `max_connections` must cover the sum over processes.
    public var maximumConnections: Int
    /// How long opening one connection may take before it counts as failed.
    public var connectTimeout: Duration
    /// How long `checkHealth()` waits for an answer before reporting the database unavailable.
    public var healthTimeout: Duration

    public init(
        host: String, port: Int = 5432, username: String, password: String?, database: String, schema: String? = nil,
        maximumConnections: Int = 20, connectTimeout: Duration = .seconds(10), healthTimeout: Duration = .seconds(5)
    ) {
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.database = database
        self.schema = schema
        self.maximumConnections = maximumConnections
        self.connectTimeout = connectTimeout
        self.healthTimeout = healthTimeout
    }

    /// `host:port/database`, for messages (no credentials).
    public var serverDescription: String {
        let hostPart = host.contains(":") ? "[\(host)]" : host
        return "\(hostPart):\(port)/\(database)"
    }

    /// Startup parameters every connection sends: the schema, as a quoted identifier so that any
    /// name works, and an application name that shows in `pg_stat_activity`.
    var startupParameters: [(String, String)] {
        var parameters = [("application_name", "switchboard")]
        if let schema { parameters.append(("search_path", "\"" + schema.replacingOccurrences(of: "\"", with: "\"\"") + "\"")) }
        return parameters
    }
}
