import Domain
import PostgresNIO

extension PostgresStorage {
    /// Applies the unit in one transaction on one connection, in order, adjacent changes of one kind in
    /// multi-row statements (`UnitOfWorkWriter+Runs.swift`); any failure
    /// rolls all of it back (and gives back any ticket number it took). An empty unit still opens a
    /// transaction: it answers like any commit, also when the database is gone.
    public func commit(_ unit: UnitOfWork) async throws -> CommitReceipt {
        try await transaction { transaction in
            var receipt = CommitReceipt()
            try await UnitOfWorkWriter.applyAll(unit.changes, transaction, receipt: &receipt)
            return receipt
        }
    }
}
