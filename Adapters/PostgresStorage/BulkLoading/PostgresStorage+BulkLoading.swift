import Domain
import Foundation
import NIOCore
import PostgresNIO

extension PostgresStorage: BulkLoading {
    /// Writes the batch in one transaction: the few organizations, departments and agent profiles row by
    /// row through the commit's row writers, everything numerous (users, tickets, messages, audit events,
    /// ticket SLA records) with `COPY … FROM STDIN`, one stream per table, in dependency order. Then moves each
    /// organization's ticket counter past the highest loaded number.
    ///
    /// The COPY data is encoded before a connection is taken, so that a connection's time goes to the
    /// server's work (and another batch can be encoded meanwhile). The transaction commits without waiting
    /// for its WAL flush (`synchronous_commit = off`, for this transaction only): a crash may lose the last
    /// batches loaded, never part of one.
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
        let json = BulkJSON()
        let users: [ByteBuffer], tickets: [ByteBuffer], messages: [ByteBuffer], events: [ByteBuffer], records: [ByteBuffer]
        do {
            users = try Self.encode(batch.users, json, BulkCopy.write)
            tickets = try Self.encode(batch.tickets, json, BulkCopy.write)
            messages = try Self.encode(batch.messages, json, BulkCopy.write)
            events = try Self.encode(batch.auditEvents, json, BulkCopy.write)
            records = try Self.encode(batch.ticketSLAs, json, BulkCopy.write)
        } catch {
            throw StorageError.translating(error)
        }
        try await transaction { transaction in
            try await transaction.execute("SET LOCAL synchronous_commit = off")
            for organization in batch.organizations { try await OrganizationRow.insert(transaction, organization) }
            for department in batch.departments {
                guard try await DepartmentRow.insert(transaction, department) else { throw Self.absent(StorageEntity.organization, department.organizationID) }
            }
            try await copy(transaction, BulkCopy.users, users)
            for profile in batch.agentProfiles {
                guard try await AgentProfileRow.insert(transaction, profile) else { throw Self.absent(StorageEntity.user, profile.userID) }
            }
            do {
                try await copy(transaction, BulkCopy.tickets, tickets)
            } catch let error as PSQLError where error.serverInfo?[.constraintName] == BulkCopy.numberConstraint {
                // The number rule is the adapter's own in a commit; in a load, the producer chose the numbers.
                throw StorageError.duplicate(constraint: .primaryKey)
            }
            try await copy(transaction, BulkCopy.messages, messages)
            try await copy(transaction, BulkCopy.auditEvents, events)
            try await copy(transaction, BulkCopy.ticketSLAs, records)
            for (organization, number) in highest {
                try await transaction.execute("""
                    UPDATE ticket_counters SET last_number = GREATEST(last_number, \(number)) WHERE organization_id = \(organization.uuid)
                    """)
            }
        }
    }

    /// `rows` in COPY text, in chunks of about a megabyte (one COPY data message each).
    private static func encode<Row>(
        _ rows: [Row], _ json: BulkJSON, _ write: (inout CopyText, BulkJSON, Row) throws -> Void
    ) throws -> [ByteBuffer] {
        var chunks: [ByteBuffer] = []
        var text = CopyText()
        for row in rows {
            try write(&text, json, row)
            if text.size >= BulkCopy.chunkBytes { chunks.append(text.take()) }
        }
        if text.size > 0 { chunks.append(text.take()) }
        return chunks
    }

    /// Streams the encoded `chunks` into `table` with COPY.
    private func copy(_ transaction: Transaction, _ table: BulkCopy.Table, _ chunks: [ByteBuffer]) async throws {
        guard !chunks.isEmpty else { return }
        try await transaction.connection.copyFrom(table: table.name, columns: table.columns, logger: transaction.logger) { writer in
            for chunk in chunks { try await writer.write(chunk) }
        }
    }

    private static func absent<Entity>(_ entity: String, _ id: Identifier<Entity>) -> StorageError {
        .missing(entity: entity, id: id.description)
    }
}
