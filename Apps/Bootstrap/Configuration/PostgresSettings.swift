/// A PostgreSQL server and database, from `postgres://user:password@host:port/database`.
public struct PostgresSettings: Sendable, Equatable {
    public static let defaultPort = 5432

    public var host: String
    public var port: Int
    public var user: String
    /// `nil` when the URL has none (trust or peer authentication).
    public var password: Secret?
    public var database: String

    public init(host: String, port: Int = PostgresSettings.defaultPort, user: String, password: Secret?, database: String) {
        self.host = host
        self.port = port
        self.user = user
        self.password = password
        self.database = database
    }

    init(_ url: ConnectionURL) throws(InvalidValue) {
        guard let authority = url.authority else {
            throw InvalidValue("expected postgres://user:password@host:port/database (the \"//\" is missing)")
        }
        // No query parameter is supported yet (TLS modes come with the Postgres adapter): refuse rather
        // than ignore, so that `?sslmode=require` cannot silently mean "no TLS".
        try url.checkParameters(known: [])
        guard let user = authority.user, !user.isEmpty else {
            throw InvalidValue("missing the user name (postgres://USER:password@host:port/database)")
        }
        guard !authority.host.isEmpty else { throw InvalidValue("missing the host (postgres://user:password@HOST:port/database)") }
        let host = try NetworkAddress.host(authority.host)
        let port: Int
        do { port = try authority.port.map(NetworkAddress.port) ?? Self.defaultPort } catch { throw InvalidValue("port \(error.message)") }
        var database = Substring(url.path)
        if database.hasPrefix("/") { database = database.dropFirst() }
        guard !database.isEmpty else {
            throw InvalidValue("missing the database name (postgres://user:password@host:port/DATABASE)")
        }
        guard !database.contains("/") else { throw InvalidValue("database name \"\(database)\" contains \"/\"") }
        self.init(host: host, port: port, user: user, password: authority.password.map(Secret.init), database: String(database))
    }

    /// `postgres://user:***@host:port/database` (user name, host and database are not secret).
    public var redactedURL: String {
        let credentials = password == nil ? user : "\(user):\(Secret.redacted)"
        let hostPart = host.contains(":") ? "[\(host)]" : host
        return "postgres://\(credentials)@\(hostPart):\(port)/\(database)"
    }
}
