import Domain
import GRDB

extension SQLiteStorage {
    /// Applies the unit in one IMMEDIATE transaction (the write lock is taken up front, so two
    /// processes never deadlock upgrading a read), change by change in order; any failure rolls
    /// all of it back. An empty unit still opens a transaction: it answers like any commit, also
    /// when the database is gone.
    public func commit(_ unit: UnitOfWork) async throws -> CommitReceipt {
        try await withStorageErrors {
            try await pool.writeWithoutTransaction { db in
                var receipt = CommitReceipt()
                try db.inTransaction(.immediate) {
                    for change in unit.changes {
                        try UnitOfWorkWriter.apply(change, db, receipt: &receipt)
                    }
                    return .commit
                }
                return receipt
            }
        }
    }
}
