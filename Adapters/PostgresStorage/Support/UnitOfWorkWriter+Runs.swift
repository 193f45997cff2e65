import Domain
import Foundation
import PostgresNIO

/// A unit of work applied run by run: adjacent changes of one kind that a multi-row statement can write (ticket
/// updates, audit events, SLA records, jobs, recorded events, capacity guards of one organization) go to the server
/// together, each run in one or two statements, instead of one round trip per change. A batched auto-assignment unit
/// (§5, §15) is made of such runs: that is what makes it cheap.
///
/// A run is equivalent to its changes applied one by one, in order: its rows are independent of each other (a run of
/// ticket updates or SLA records naming one ticket twice is applied one by one instead), every row keeps its guard
/// (version, parent, capacity), rows that number themselves (audit `seq`, outbox ids) are numbered in the run's order,
/// and when rows fail their guard the error is the one the first of them in order would have raised. Locks are
/// taken in the order a one-by-one unit of the same changes takes them when sorted by key (tickets and agents by id),
/// so concurrent units wait for each other rather than deadlock.
extension UnitOfWorkWriter {
    static func applyAll(_ changes: [UnitOfWork.Change], _ transaction: Transaction, receipt: inout CommitReceipt) async throws {
        var start = changes.startIndex
        while start < changes.endIndex {
            var end = start + 1
            let kind = RunKind(changes[start])
            if let kind {
                while end < changes.endIndex, RunKind(changes[end]) == kind { end += 1 }
            }
            if let kind, end - start > 1, try await applyRun(kind, changes[start..<end], transaction) {
                start = end
                continue
            }
            for change in changes[start..<end] { try await apply(change, transaction, receipt: &receipt) }
            start = end
        }
    }

    /// The kinds of change a run may hold.
    enum RunKind: Equatable {
        case ticketUpdates, auditEvents, recordedEvents, jobs, slaInserts, slaUpdates
        case capacityGuards(OrganizationID)

        init?(_ change: UnitOfWork.Change) {
            switch change {
            case .updateTicket: self = .ticketUpdates
            case .appendAuditEvent: self = .auditEvents
            case .recordEvent: self = .recordedEvents
            case .enqueueJob: self = .jobs
            case .saveTicketSLA(_, .none): self = .slaInserts
            case .saveTicketSLA: self = .slaUpdates
            case .guardAgentCapacity(_, let organization, _): self = .capacityGuards(organization)
            default: return nil
            }
        }
    }

    /// Writes a run; `false` when it must be applied one by one instead (a key named twice).
    private static func applyRun(_ kind: RunKind, _ run: ArraySlice<UnitOfWork.Change>, _ transaction: Transaction) async throws -> Bool {
        switch kind {
        case .ticketUpdates:
            let updates = run.compactMap { change -> (Ticket, Int)? in
                if case .updateTicket(let ticket, let expected) = change { (ticket, expected) } else { nil }
            }
            guard Set(updates.map(\.0.id)).count == updates.count else { return false }
            try await updateTickets(updates, transaction)
        case .auditEvents:
            try await insertAuditEvents(run.compactMap { if case .appendAuditEvent(let event) = $0 { event } else { nil } }, transaction)
        case .recordedEvents:
            try await RecordedEventRow.insert(transaction, run.compactMap { if case .recordEvent(let event) = $0 { event } else { nil } })
        case .jobs:
            try await insertJobs(run.compactMap { if case .enqueueJob(let job) = $0 { job } else { nil } }, transaction)
        case .slaInserts, .slaUpdates:
            let records = run.compactMap { change -> (TicketSLA, Int?)? in
                if case .saveTicketSLA(let record, let expected) = change { (record, expected) } else { nil }
            }
            guard Set(records.map(\.0.ticketID)).count == records.count else { return false }
            if kind == .slaInserts {
                try await insertTicketSLAs(records.map(\.0), transaction)
            } else {
                try await updateTicketSLAs(records.map { ($0.0, $0.1 ?? 0) }, transaction)
            }
        case .capacityGuards(let organization):
            let guards = run.compactMap { change -> (UserID, Bool)? in
                if case .guardAgentCapacity(let agent, _, let requireAvailable) = change { (agent, requireAvailable) } else { nil }
            }
            try await RoutingSQL.guardCapacities(guards, organization: organization, transaction)
        }
        return true
    }

    /// Ticket updates, each guarded by its version. The rows are locked first in id order (as a one-by-one unit whose
    /// updates are sorted by id locks them), then updated in one statement.
    private static func updateTickets(_ updates: [(Ticket, Int)], _ transaction: Transaction) async throws {
        let ids = updates.map(\.0.id.uuid)
        try await transaction.execute("SELECT 1 FROM tickets WHERE id = ANY(\(ids)) ORDER BY id FOR NO KEY UPDATE")
        let json = BulkJSON()
        var records = RecordSetJSON()
        for (ticket, expected) in updates { try TicketRow.record(ticket, expectedVersion: expected, json: json, into: &records) }
        let updated = try await transaction.rows("""
            UPDATE tickets t SET \(unescaped: TicketRow.recordAssignments)
            FROM jsonb_to_recordset(\(records.parameter)) AS r(\(unescaped: TicketRow.recordColumns))
            WHERE t.id = r.id AND t.organization_id = r.organization_id AND t.version = r.expected_version
            RETURNING t.id
            """)
        guard updated.count < updates.count else { return }
        let done = Set(try updated.map { try $0.value("id", as: UUID.self) })
        guard let (ticket, _) = updates.first(where: { !done.contains($0.0.id.uuid) }) else { return }
        throw try await failedUpdate(.ticket, id: ticket.id.uuid, organization: ticket.organizationID, transaction)
    }

    /// Audit events, each only if its ticket exists in its organization; the tickets are locked (in id order) before
    /// `seq` is drawn, which follows the run's order.
    private static func insertAuditEvents(_ events: [AuditEvent], _ transaction: Transaction) async throws {
        var records = RecordSetJSON()
        let json = BulkJSON()
        for (index, event) in events.enumerated() {
            records.beginRecord()
            records.integer("n", index)
            records.uuid("id", event.id.uuid)
            records.uuid("organization_id", event.organizationID.uuid)
            records.uuid("ticket_id", event.ticketID.uuid)
            records.uuid("actor_id", event.actorID?.uuid)
            records.string("kind", event.kind.rawValue)
            records.json("changes", json.changes(event.changes))
            records.string("note", event.note)
            records.date("at", event.at)
            records.endRecord()
        }
        let ticketIDs = events.map(\.ticketID.uuid)
        try await transaction.execute("SELECT 1 FROM tickets WHERE id = ANY(\(ticketIDs)) ORDER BY id FOR NO KEY UPDATE")
        let inserted = try await transaction.rows("""
            INSERT INTO audit_events (id, organization_id, ticket_id, actor_id, kind, changes, note, at)
            SELECT r.id, t.organization_id, t.id, r.actor_id, r.kind, r.changes, r.note, \(unescaped: RecordSetJSON.instant("r.at"))
            FROM jsonb_to_recordset(\(records.parameter))
                AS r(n integer, id uuid, organization_id uuid, ticket_id uuid, actor_id uuid, kind text, changes jsonb, note text, at bigint)
            JOIN tickets t ON t.id = r.ticket_id AND t.organization_id = r.organization_id
            ORDER BY r.n
            RETURNING id
            """)
        guard inserted.count < events.count else { return }
        let done = Set(try inserted.map { try $0.value("id", as: UUID.self) })
        guard let event = events.first(where: { !done.contains($0.id.uuid) }) else { return }
        throw StorageError.missing(entity: EntityTable.ticket.entity, id: event.ticketID.description)
    }

    /// Jobs, each only if its organization exists.
    private static func insertJobs(_ jobs: [Job], _ transaction: Transaction) async throws {
        var records = RecordSetJSON()
        for (index, job) in jobs.enumerated() {
            records.beginRecord()
            records.integer("n", index)
            records.uuid("id", job.id.uuid)
            records.uuid("organization_id", job.organizationID.uuid)
            records.string("kind", job.kind)
            records.string("payload", job.payload)
            records.string("state", job.state.rawValue)
            records.date("run_at", job.runAt)
            records.integer("attempts", job.attempts)
            records.string("last_error", job.lastError)
            records.string("lease_holder", job.lease?.holder)
            records.date("lease_expires_at", job.lease?.expiresAt)
            records.date("created_at", job.createdAt)
            records.endRecord()
        }
        let inserted = try await transaction.rows("""
            INSERT INTO jobs (\(unescaped: JobRow.columns))
            SELECT r.id, o.id, r.kind, r.payload, r.state, \(unescaped: RecordSetJSON.instant("r.run_at")), r.attempts, r.last_error,
                r.lease_holder, \(unescaped: RecordSetJSON.instant("r.lease_expires_at")), \(unescaped: RecordSetJSON.instant("r.created_at"))
            FROM jsonb_to_recordset(\(records.parameter))
                AS r(n integer, id uuid, organization_id uuid, kind text, payload text, state text, run_at bigint, attempts integer,
                    last_error text, lease_holder text, lease_expires_at bigint, created_at bigint)
            JOIN organizations o ON o.id = r.organization_id
            ORDER BY r.n
            RETURNING id
            """)
        guard inserted.count < jobs.count else { return }
        let done = Set(try inserted.map { try $0.value("id", as: UUID.self) })
        guard let job = jobs.first(where: { !done.contains($0.id.uuid) }) else { return }
        throw StorageError.missing(entity: EntityTable.organization.entity, id: job.organizationID.description)
    }

    /// New SLA records, each only if its ticket exists in its organization.
    private static func insertTicketSLAs(_ records: [TicketSLA], _ transaction: Transaction) async throws {
        var set = RecordSetJSON()
        let json = BulkJSON()
        for (index, record) in records.enumerated() { TicketSLARow.record(record, index: index, expectedVersion: nil, json: json, into: &set) }
        let inserted = try await transaction.rows("""
            INSERT INTO ticket_sla (\(unescaped: TicketSLARow.columns))
            SELECT t.id, t.organization_id, r.policy_id, r.timeline, r.assignee_id, r.department_id,
                \(unescaped: RecordSetJSON.instant("r.ticket_created_at")), \(unescaped: RecordSetJSON.instant("r.first_response_due_at")),
                \(unescaped: RecordSetJSON.instant("r.resolution_due_at")), \(unescaped: RecordSetJSON.instant("r.next_check_at")),
                r.reported, r.version, r.verdicts
            FROM jsonb_to_recordset(\(set.parameter)) AS r(\(unescaped: TicketSLARow.recordColumns))
            JOIN tickets t ON t.id = r.ticket_id AND t.organization_id = r.organization_id
            ORDER BY r.n
            RETURNING ticket_id
            """)
        guard inserted.count < records.count else { return }
        let done = Set(try inserted.map { try $0.value("ticket_id", as: UUID.self) })
        guard let record = records.first(where: { !done.contains($0.ticketID.uuid) }) else { return }
        throw StorageError.missing(entity: EntityTable.ticket.entity, id: record.ticketID.description)
    }

    /// SLA record updates, each guarded by its version; rows are locked in ticket id order first.
    private static func updateTicketSLAs(_ records: [(TicketSLA, Int)], _ transaction: Transaction) async throws {
        var set = RecordSetJSON()
        let json = BulkJSON()
        for (index, (record, expected)) in records.enumerated() {
            TicketSLARow.record(record, index: index, expectedVersion: expected, json: json, into: &set)
        }
        let ids = records.map(\.0.ticketID.uuid)
        try await transaction.execute("SELECT 1 FROM ticket_sla WHERE ticket_id = ANY(\(ids)) ORDER BY ticket_id FOR UPDATE")
        let updated = try await transaction.rows("""
            UPDATE ticket_sla s SET policy_id = r.policy_id, timeline = r.timeline, assignee_id = r.assignee_id,
                department_id = r.department_id, first_response_due_at = \(unescaped: RecordSetJSON.instant("r.first_response_due_at")),
                resolution_due_at = \(unescaped: RecordSetJSON.instant("r.resolution_due_at")),
                next_check_at = \(unescaped: RecordSetJSON.instant("r.next_check_at")), reported = r.reported, version = r.version,
                verdicts = r.verdicts
            FROM jsonb_to_recordset(\(set.parameter)) AS r(\(unescaped: TicketSLARow.recordColumns))
            WHERE s.ticket_id = r.ticket_id AND s.organization_id = r.organization_id AND s.version = r.expected_version
            RETURNING s.ticket_id
            """)
        guard updated.count < records.count else { return }
        let done = Set(try updated.map { try $0.value("ticket_id", as: UUID.self) })
        guard let (record, _) = records.first(where: { !done.contains($0.0.ticketID.uuid) }) else { return }
        throw try await failedUpdate(.ticketSLA, id: record.ticketID.uuid, organization: record.organizationID, transaction)
    }
}
