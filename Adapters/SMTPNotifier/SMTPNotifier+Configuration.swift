import Domain
import Foundation

extension SMTPNotifier {
    /// Where and how to send: the relay, its protection, its credentials, and the sender.
    public struct Configuration: Sendable {
        /// How the connection to the relay is protected.
        public enum Security: Sendable, Equatable {
            /// Plain text (local test servers only).
            case none
            /// A plain connection upgraded with STARTTLS before anything else is said; a relay that does
            /// not offer STARTTLS is refused (`CURLUSESSL_ALL`), so credentials never travel in clear.
            case startTLS
            /// TLS from the first byte (`smtps://`, usually port 465).
            case tls
        }

        public var host: String
        public var port: Int
        public var security: Security
        /// AUTH user and password; `nil` for a relay without authentication.
        public var user: String?
        public var password: String?
        /// The envelope sender and `From` address.
        public var sender: EmailAddress
        /// The `From` display name.
        public var senderName: String
        /// Right-hand side of `Message-ID` and thread ids, and the name given in EHLO; the sender's domain
        /// unless set.
        public var domain: String
        /// A PEM file of certificates to trust besides the system's (a private relay's own CA).
        public var caFile: String?
        /// How long connecting (TCP and TLS) may take.
        public var connectTimeout: Duration = .seconds(10)
        /// How long one whole delivery may take.
        public var timeout: Duration = .seconds(60)
        /// Deliveries running at once, each on a dedicated thread with its own connection.
        public var maximumConnections = 4

        public init(
            host: String, port: Int, security: Security, user: String? = nil, password: String? = nil,
            sender: EmailAddress, senderName: String = "Switchboard", domain: String? = nil
        ) {
            self.host = host
            self.port = port
            self.security = security
            self.user = user
            self.password = password
            self.sender = sender
            self.senderName = senderName
            self.domain = domain ?? String(sender.value.split(separator: "@").last ?? "switchboard.invalid")
        }

        /// `smtp://host:port/domain` or `smtps://…`; libcurl sends the path as the EHLO name.
        var url: String {
            let scheme = security == .tls ? "smtps" : "smtp"
            let hostPart = host.contains(":") ? "[\(host)]" : host
            return "\(scheme)://\(hostPart):\(port)/\(domain)"
        }

        /// `host:port` for messages.
        var server: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
    }
}

extension Duration {
    /// Whole milliseconds, for libcurl's *_MS options.
    var wholeMilliseconds: Int {
        let (seconds, attoseconds) = components
        return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
    }
}
