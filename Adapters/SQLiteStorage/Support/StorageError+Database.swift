import Domain
import GRDB

extension StorageError {
    /// Translates whatever a GRDB call threw into the port's errors (STYLE practice 7): a unique
    /// violation becomes `.duplicate` naming the rule, and every failure of the database itself
    /// (busy, I/O, cannot open, corrupt, not a database, full …) becomes `.unavailable`.
    /// Nothing else leaves the adapter.
    static func translating(_ error: any Error) -> StorageError {
        switch error {
        case let error as StorageError:
            return error
        case let error as DatabaseError:
            return translating(error)
        case let error as CorruptRow:
            return .unavailable(reason: "stored data cannot be read: \(error.reason)")
        case is CancellationError:
            return .unavailable(reason: "the database call was cancelled")
        default:
            return .unavailable(reason: "storage failure: \(error)")
        }
    }

    private static func translating(_ error: DatabaseError) -> StorageError {
        let message = error.message ?? "no message"
        switch error.extendedResultCode {
        case .SQLITE_CONSTRAINT_UNIQUE, .SQLITE_CONSTRAINT_PRIMARYKEY:
            if let constraint = UniqueIndexMap.constraint(forMessage: message) {
                return .duplicate(constraint: constraint)
            }
            // A unique index the port has no name for (e.g. ticket numbers) means the adapter
            // itself is wrong; report it as a failure rather than as the caller's duplicate.
            return .unavailable(reason: "unexpected unique violation: \(message)")
        case .SQLITE_CONSTRAINT_FOREIGNKEY:
            // Commits check references first and report them precisely; this is the schema's backstop.
            return .missing(entity: "reference", id: message)
        default:
            return .unavailable(reason: "SQLite error \(error.extendedResultCode.rawValue): \(message)")
        }
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

/// Synchronous variant, for the initializer.
func withStorageErrors<T>(_ operation: () throws -> T) throws(StorageError) -> T {
    do {
        return try operation()
    } catch {
        throw StorageError.translating(error)
    }
}
