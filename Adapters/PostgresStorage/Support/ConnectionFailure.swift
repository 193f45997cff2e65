import Foundation
import NIOCore
import NIOPosix
import PostgresNIO

/// Why a connection could not be opened, in words an operator acts on: the server's own message
/// (password authentication failed, database does not exist …) or the network's (connection refused,
/// unknown host, no answer in time), without the driver's nesting of error types.
enum ConnectionFailure {
    static func describe(_ error: any Error) -> String {
        switch error {
        case let error as PSQLError:
            if let message = error.serverInfo?[.message] { return message }
            if error.code == .authMechanismRequiresPassword { return "the server requires a password and none was given" }
            if let underlying = error.underlying { return describe(underlying) }
            switch error.code {
            case .serverClosedConnection: return "the server closed the connection"
            case .sslUnsupported: return "the server does not support TLS"
            default: return "\(error.code)"
            }
        case let error as NIOConnectionError:
            if error.dnsAError != nil || error.dnsAAAAError != nil { return "unknown host \(error.host)" }
            if let first = error.connectionErrors.first { return describe(first.error) }
            return "could not connect to \(error.host):\(error.port)"
        case let error as IOError:
            return String(cString: strerror(error.errnoCode)).lowercased()
        case ChannelError.connectTimeout(let timeout):
            return "no answer within \(Double(timeout.nanoseconds) / 1e9) s"
        default:
            return "\(error)"
        }
    }
}
