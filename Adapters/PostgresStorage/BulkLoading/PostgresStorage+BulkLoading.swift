import Domain
import Foundation
import PostgresNIO

extension PostgresStorage: BulkLoading {
    /// Writes the batch in one transaction: the few organizations, departments and agent profiles row by
    /// row through the commit's row writers, everything numerous (users, tickets, messages, audit events,
    /// ticket SLA records) with `COPY … FROM STDIN`, one stream per table, in dependency order. Then moves each
    /// organization's ticket counter past the highest loaded number.
    ///
    /// The schema's keys and references hold during COPY as for inserts: an id or ticket number already
    /// stored fails the batch with `.duplicate`, a row naming an absent parent with `.missing`, and the
    /// transaction leaves nothing behind. Audit events are copied in the batch's order, so `seq` (the
    /// read order of a ticket's history) follows it.
    public func load(_ batch: SeedBatch) async throws {
        var highest: [OrganizationID: Int] = [:]
        for ticket in batch.tickets {
            guard ticket.number != .unallocated else { throw StorageError.missing(entity: StorageEntity.ticket, id: "number of \(ticket.id)") }
            highest[ticket.organizationID] = max(highest[ticket.organizationID] ?? 0, ticket.number.value)
        }
        try await transaction { transaction in
            for organization in batch.organizations { try await OrganizationRow.insert(transaction, organization) }
            for department in batch.departments {
                guard try await DepartmentRow.insert(transaction, department) else { throw Self.absent(StorageEntity.organization, department.organizationID) }
            }
            try await copy(transaction, BulkCopy.users, batch.users, BulkCopy.write)
            for profile in batch.agentProfiles {
                guard try await AgentProfileRow.insert(transaction, profile) else { throw Self.absent(StorageEntity.user, profile.userID) }
            }
            do {
                try await copy(transaction, BulkCopy.tickets, batch.tickets, BulkCopy.write)
            } catch let error as PSQLError where error.serverInfo?[.constraintName] == BulkCopy.numberConstraint {
                // The number rule is the adapter's own in a commit; in a load, the producer chose the numbers.
                throw StorageError.duplicate(constraint: .primaryKey)
            }
            try await copy(transaction, BulkCopy.messages, batch.messages, BulkCopy.write)
            try await copy(transaction, BulkCopy.auditEvents, batch.auditEvents, BulkCopy.write)
            try await copy(transaction, BulkCopy.ticketSLAs, batch.ticketSLAs, BulkCopy.write)
            for (organization, number) in highest {
                try await transaction.execute("""
                    UPDATE ticket_counters SET last_number = GREATEST(last_number, \(number)) WHERE organization_id = \(organization.uuid)
                    """)
            }
        }
    }

    /// Streams `rows` into `table` with COPY, in chunks of about a megabyte.
    private func copy<Row>(
        _ transaction: Transaction, _ table: BulkCopy.Table, _ rows: [Row], _ write: (inout CopyText, Row) throws -> Void
    ) async throws {
        guard !rows.isEmpty else { return }
        try await transaction.connection.copyFrom(table: table.name, columns: table.columns, logger: transaction.logger) { writer in
            var text = CopyText()
            for row in rows {
                try write(&text, row)
                if text.size >= BulkCopy.chunkBytes { try await writer.write(text.take()) }
            }
            if text.size > 0 { try await writer.write(text.take()) }
        }
    }

    private static func absent<Entity>(_ entity: String, _ id: Identifier<Entity>) -> StorageError {
        .missing(entity: entity, id: id.description)
    }
}
