import Domain
import Logging
import PostgresNIO

extension PostgresStorage {
    /// Runs one read statement through the pool and maps its rows; only `StorageError` escapes.
    func read<T>(_ query: PostgresQuery, _ map: (RowReader) throws -> T) async throws(StorageError) -> [T] {
        try await withStorageErrors {
            try await client.query(query, logger: logger).collect().map { try map(RowReader($0)) }
        }
    }

    /// The first row of a read, or `nil` when there is none.
    func readOne<T>(_ query: PostgresQuery, _ map: (RowReader) throws -> T) async throws(StorageError) -> T? {
        try await read(query, map).first
    }

    /// Runs `body` in one transaction (READ COMMITTED) on one pooled connection: COMMIT when it
    /// returns, ROLLBACK when it throws. A transaction PostgreSQL aborts as a deadlock or serialization
    /// failure is run again from the start, up to `transactionAttempts` times, then reported as
    /// `.unavailable`. Only `StorageError` escapes.
    func transaction<T>(_ body: (Transaction) async throws -> T) async throws(StorageError) -> T {
        var attempt = 1
        while true {
            do {
                return try await client.withConnection { connection in
                    let transaction = Transaction(connection: connection, logger: logger)
                    try await transaction.execute("BEGIN")
                    let value: T
                    do {
                        value = try await body(transaction)
                    } catch {
                        // A broken connection cannot roll back; the server discards its transaction anyway.
                        try? await transaction.execute("ROLLBACK")
                        throw error
                    }
                    try await transaction.execute("COMMIT")
                    return value
                }
            } catch let error as PSQLError where error.isTransient && attempt < Self.transactionAttempts {
                logger.debug("retrying a transaction PostgreSQL aborted", metadata: ["sqlstate": "\(error.sqlState ?? "")", "attempt": "\(attempt)"])
                attempt += 1
            } catch {
                throw StorageError.translating(error)
            }
        }
    }
}

/// One connection inside an open transaction.
struct Transaction {
    let connection: PostgresConnection
    let logger: Logger

    func rows(_ query: PostgresQuery) async throws -> [RowReader] {
        try await connection.query(query, logger: logger).collect().map(RowReader.init)
    }

    /// Runs a statement whose rows nobody reads.
    func execute(_ query: PostgresQuery) async throws {
        _ = try await connection.query(query, logger: logger).collect()
    }

    /// Whether a statement ending in `RETURNING …` affected any row.
    func affectsRow(_ query: PostgresQuery) async throws -> Bool {
        try await !rows(query).isEmpty
    }
}

/// Runs `operation`, failing with `.unavailable` if it has not finished after `limit`.
func withDeadline<T: Sendable>(_ limit: Duration, _ what: String, _ operation: @escaping @Sendable () async throws -> T) async throws -> T {
    try await withThrowingTaskGroup(of: T.self) { group in
        group.addTask { try await operation() }
        group.addTask {
            try await Task.sleep(for: limit)
            throw StorageError.unavailable(reason: "\(what) got no answer within \(limit)")
        }
        defer { group.cancelAll() }
        guard let first = try await group.next() else { throw StorageError.unavailable(reason: "\(what) did not run") }
        return first
    }
}
