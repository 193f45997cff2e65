import Foundation
import Testing

/// The PostgreSQL server the Postgres suites run against: `SWITCHBOARD_TEST_POSTGRES_URL`
/// (`postgres://user:password@127.0.0.1:port/database`, exported by `scripts/test-postgres`).
///
/// Without `CI=true`, a missing or unreachable server skips those suites with a message saying so; under
/// `CI=true` they run and fail, because CI must not pass by skipping. One place for every target that
/// needs the server (storage, transport, API processes), whatever client each then connects with.
public enum TestPostgresServer {
    public static let environmentKey = "SWITCHBOARD_TEST_POSTGRES_URL"

    public static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    /// The parts of the server's URL, decoded.
    public struct Address: Sendable {
        public let host: String
        public let port: Int
        public let user: String
        public let password: String?
        public let database: String
        /// The URL as given.
        public let url: String
    }

    /// The server's address, or why there is none.
    public static func address() throws(SetupError) -> Address {
        guard let text = ProcessInfo.processInfo.environment[environmentKey], !text.isEmpty else {
            throw SetupError("\(environmentKey) is not set; run the tests through scripts/test, which starts a PostgreSQL server")
        }
        guard let url = URLComponents(string: text), ["postgres", "postgresql"].contains(url.scheme ?? ""),
              let host = url.host, let user = url.user, !url.path.dropFirst().isEmpty
        else {
            throw SetupError("\(environmentKey) is not a postgres://user:password@host:port/database URL")
        }
        return Address(
            host: host, port: url.port ?? 5432, user: user.removingPercentEncoding ?? user,
            password: url.password.map { $0.removingPercentEncoding ?? $0 }, database: String(url.path.dropFirst()), url: text)
    }

    /// Whether the Postgres suites should run: always under CI (where a missing server is a failure),
    /// otherwise only when something accepts connections at the address. Checked once per test process.
    public static let shouldRun: @Sendable () async -> Bool = {
        if isCI { return true }
        return await reachability.value
    }

    private static let reachability = Task<Bool, Never> {
        guard let address = try? address() else { return false }
        return await offThePool { accepts(host: address.host, port: address.port) }
    }

    /// Whether a TCP connection to `host:port` succeeds (a numeric IPv4 host, as scripts/test exports).
    private static func accepts(host: String, port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr(host == "localhost" ? "127.0.0.1" : host)
        address.sin_port = in_port_t(UInt16(clamping: port).bigEndian)
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }

    /// Why the Postgres suites cannot run.
    public struct SetupError: Error, CustomStringConvertible {
        public let description: String
        public init(_ description: String) { self.description = description }
    }
}

extension Trait where Self == ConditionTrait {
    /// Skips a suite when no PostgreSQL server answers, unless `CI=true` (then the suite runs and fails).
    public static var postgresServer: Self {
        .enabled(
            "no PostgreSQL server: \(TestPostgresServer.environmentKey) is unset or does not answer (scripts/test starts one; under CI=true this fails instead)",
            TestPostgresServer.shouldRun)
    }
}
