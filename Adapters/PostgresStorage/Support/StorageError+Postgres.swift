import Domain
import PostgresNIO

/// SQLSTATE codes the adapter acts on (PostgreSQL manual, appendix A).
enum SQLState {
    static let uniqueViolation = "23505"
    static let foreignKeyViolation = "23503"
    static let serializationFailure = "40001"
    static let deadlockDetected = "40P01"
    static let undefinedTable = "42P01"
}

extension PSQLError {
    /// The server's SQLSTATE, when the server reported the error.
    var sqlState: String? { serverInfo?[.sqlState] }

    /// PostgreSQL aborted the transaction only because of other transactions; running it again may succeed.
    var isTransient: Bool { sqlState == SQLState.serializationFailure || sqlState == SQLState.deadlockDetected }
}

extension StorageError {
    /// Translates whatever postgres-nio threw into the port's errors (STYLE practice 7): a unique
    /// violation becomes `.duplicate` naming the rule (by constraint name), a foreign-key violation
    /// `.missing`, and every failure of the database or the connection `.unavailable`. Never `nil`,
    /// never "not found" for a failure.
    static func translating(_ error: any Error) -> StorageError {
        switch error {
        case let error as StorageError:
            return error
        case let error as PSQLError:
            return translating(error)
        case let error as PostgresDecodingError:
            return .unavailable(reason: "stored data cannot be read: column \(error.columnName) (\(error.postgresType)) is not a \(error.targetType)")
        case let error as CorruptRow:
            return .unavailable(reason: "stored data cannot be read: \(error.reason)")
        case is CancellationError:
            return .unavailable(reason: "the database call was cancelled")
        default:
            return .unavailable(reason: "storage failure: \(error)")
        }
    }

    private static func translating(_ error: PSQLError) -> StorageError {
        switch error.code {
        case .server:
            let state = error.sqlState ?? "?"
            let message = error.serverInfo?[.message] ?? "no message"
            let constraint = error.serverInfo?[.constraintName]
            switch state {
            case SQLState.uniqueViolation:
                if let constraint, let rule = UniqueConstraintMap.constraints[constraint] { return .duplicate(constraint: rule) }
                // A unique index the port has no name for (e.g. ticket numbers) means the adapter itself
                // is wrong; report it as a failure rather than as the caller's duplicate.
                return .unavailable(reason: "unexpected unique violation of \(constraint ?? "an unnamed constraint"): \(message)")
            case SQLState.foreignKeyViolation:
                // Commits check references first and report them precisely; this is the schema's backstop.
                return .missing(entity: "reference", id: constraint ?? message)
            case SQLState.serializationFailure, SQLState.deadlockDetected:
                return .unavailable(reason: "the transaction kept conflicting with concurrent ones (\(state)); retry later")
            default:
                return .unavailable(reason: "PostgreSQL error \(state): \(message)")
            }
        case .poolClosed:
            return .unavailable(reason: "the connection pool is shut down")
        case .queryCancelled:
            return .unavailable(reason: "the database call was cancelled")
        case .connectionError, .serverClosedConnection, .clientClosedConnection, .uncleanShutdown:
            return .unavailable(reason: "lost the connection to PostgreSQL (\(error.code))\(error.underlying.map { ": \($0)" } ?? "")")
        default:
            return .unavailable(reason: "PostgreSQL client error \(error.code)\(error.underlying.map { ": \($0)" } ?? "")")
        }
    }

    /// Why a connection could not be opened, as one readable line naming the server: the server's own
    /// message (password authentication failed, database does not exist …) or the network's (connection
    /// refused, timed out, unknown host).
    static func connecting(to configuration: PostgresStorageConfiguration, failure: any Error) -> StorageError {
        let server = "\(configuration.username)@\(configuration.serverDescription)"
        let reason = ConnectionFailure.describe(failure)
        return .unavailable(reason: "cannot connect to PostgreSQL at \(server): \(reason)")
    }
}

/// Runs a storage operation and lets only `StorageError` escape.
func withStorageErrors<T>(_ operation: () async throws -> T) async throws(StorageError) -> T {
    do {
        return try await operation()
    } catch {
        throw StorageError.translating(error)
    }
}
