import Domain

/// An SMTP relay, from `smtp://user:password@host:port?tls=starttls|tls|none&from=sender@example.com`.
///
/// - `tls`: `starttls` (default; upgrade a plain connection, port 587 by default), `tls` (implicit TLS
///   from the first byte, port 465 by default) or `none` (plain text, port 25 by default: for local
///   test servers only).
/// - `from`: the sender address, required: real relays refuse mail from senders they do not know,
///   so a guessed default would only fail later, on the first notification.
/// - user and password: both or neither (no authentication).
public struct SMTPSettings: Sendable, Equatable {
    /// How the connection is protected.
    public enum Security: String, Sendable, CaseIterable {
        case startTLS = "starttls"
        case tls
        case none

        /// The port a server of this kind usually listens on.
        public var defaultPort: Int {
            switch self {
            case .startTLS: 587
            case .tls: 465
            case .none: 25
            }
        }
    }

    /// What the relay's AUTH needs.
    public struct Credentials: Sendable, Equatable {
        public var user: String
        public var password: Secret

        public init(user: String, password: Secret) {
            self.user = user
            self.password = password
        }
    }

    public var host: String
    public var port: Int
    public var security: Security
    /// `nil` for a relay without authentication.
    public var credentials: Credentials?
    public var sender: EmailAddress

    /// - Parameter port: `nil` for the usual port of `security`.
    public init(host: String, port: Int? = nil, security: Security = .startTLS, credentials: Credentials?, sender: EmailAddress) {
        self.host = host
        self.port = port ?? security.defaultPort
        self.security = security
        self.credentials = credentials
        self.sender = sender
    }

    init(_ url: ConnectionURL) throws(InvalidValue) {
        guard let authority = url.authority, !authority.host.isEmpty else {
            throw InvalidValue("missing the host (smtp://user:password@HOST:port?tls=starttls&from=sender@example.com)")
        }
        guard url.path.isEmpty || url.path == "/" else { throw InvalidValue("unexpected path \"\(url.path)\" after the server") }
        try url.checkParameters(known: ["tls", "from"])
        let host = try NetworkAddress.host(authority.host)

        let security: Security
        if let mode = url.parameter("tls") {
            guard let known = Security(rawValue: mode.lowercased()) else {
                throw InvalidValue("tls=\"\(mode)\" is not a TLS mode (expected starttls, tls or none)")
            }
            security = known
        } else {
            security = .startTLS
        }

        let port: Int?
        do { port = try authority.port.map(NetworkAddress.port) } catch { throw InvalidValue("port \(error.message)") }

        let credentials: Credentials?
        switch (authority.user, authority.password) {
        case (nil, nil): credentials = nil
        case let (user?, password?) where !user.isEmpty && !password.isEmpty:
            credentials = Credentials(user: user, password: Secret(password))
        case let (user?, _) where !user.isEmpty: throw InvalidValue("user name without a password (give both, or neither)")
        default: throw InvalidValue("password without a user name (give both, or neither)")
        }

        guard let from = url.parameter("from") else {
            throw InvalidValue("missing the sender address (add &from=support@your-domain.example)")
        }
        guard let sender = EmailAddress(from) else { throw InvalidValue("from=\"\(from)\" is not an email address") }
        self.init(host: host, port: port, security: security, credentials: credentials, sender: sender)
    }

    /// `smtp://user:***@host:port?tls=…&from=…`.
    public var redactedURL: String {
        let userInfo = credentials.map { "\($0.user):\(Secret.redacted)@" } ?? ""
        let hostPart = host.contains(":") ? "[\(host)]" : host
        return "smtp://\(userInfo)\(hostPart):\(port)?tls=\(security.rawValue)&from=\(sender)"
    }
}
