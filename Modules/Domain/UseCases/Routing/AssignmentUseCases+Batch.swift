import Foundation

extension AssignmentUseCases {
    enum BatchOutcome {
        /// The unit committed these decisions; the others were dropped before it (`skipped` of them).
        case committed([RoutingPlan.Assignment], skipped: Int)
        /// Another pass advanced a cursor first: the pass stops.
        case yielded
        /// The unit failed on something else that changed since the snapshot (a ticket taken or assigned, an agent
        /// full or gone offline, an SLA record moved): nothing of it committed; apply its decisions one by one.
        case refused
    }

    /// Commits `decisions` in one unit of work, built from the pass's snapshot with two reads (the SLA records, and the
    /// history of the tickets that have none yet).
    ///
    /// The unit guards what the snapshot assumed: every ticket at the version the pass read, every SLA record at its
    /// version, each served agent's capacity and availability once after all the unit's tickets (the load only grows
    /// within the unit, so one check of the load it leaves covers every decision), and each served department's
    /// cursor at the version the pass knows. It locks in the order a single decision's unit or a manual take does —
    /// tickets (here by id), then agents (by id), then cursors (by department), then the history, SLA records, jobs
    /// and events in serving order — so that concurrent units wait for each other rather than deadlock.
    /// The decisions' writes are grouped by kind (all history, then all SLA records, jobs, events), each group in
    /// serving order: what is recorded per ticket and the order of events stay the same, and storage can write each
    /// group as one multi-row statement.
    func applyBatch(
        _ decisions: [RoutingPlan.Assignment], in organization: OrganizationID, _ pass: inout PassState
    ) async throws(DomainError) -> BatchOutcome {
        let records = try await deps.read { try await $0.ticketSLAs(tickets: decisions.map(\.ticketID), in: organization) }
        let recordByTicket = Dictionary(records.map { ($0.ticketID, $0) }, uniquingKeysWith: { first, _ in first })
        // A ticket without a record gets its first one built from its history: read for all of them at once.
        let withoutRecord = decisions.map(\.ticketID).filter { recordByTicket[$0] == nil }
        let history = withoutRecord.isEmpty
            ? [:] : try await deps.read { try await $0.auditEvents(tickets: withoutRecord, in: organization) }
        let tickets = TicketUseCases(deps)
        var agents = pass.agents
        var cursors = pass.cursors
        var readCursorVersions: [DepartmentID?: Int] = [:]
        var ticketUpdates: [(TicketID, UnitOfWork.Change)] = []
        var writes: [UnitOfWork.Change] = []
        var guarded: Set<UserID> = []
        var assigned: [RoutingPlan.Assignment] = []
        var skipped = 0

        for decision in decisions {
            guard let current = pass.tickets[decision.ticketID], QueuedTicket(current).isWaitingInQueue else {
                skipped += 1
                continue
            }
            var mutation = TicketMutation(ticket: current, actor: .system(in: organization), now: deps.clock.now(), ids: deps.ids)
            do {
                try await tickets.assign(&mutation, to: decision.agentID, known: agents[decision.agentID], knownUser: pass.users[decision.agentID])
            } catch .unavailable(let reason) {
                throw .unavailable(reason: reason)
            } catch {
                skipped += 1 // as the snapshot stands, this agent may not take it (inactive user, full): as a single unit would
                continue
            }
            let unit = try await tickets.seal(
                &mutation, readVersion: current.version, sla: pass.sla, storedSLA: .some(recordByTicket[decision.ticketID]),
                storedHistory: history[decision.ticketID] ?? [], knownUsers: pass.users)
            for change in unit.changes {
                switch change {
                case .updateTicket: ticketUpdates.append((decision.ticketID, change))
                case .guardAgentCapacity(let agent, _, _): guarded.insert(agent)
                default: writes.append(change)
                }
            }
            agents[decision.agentID]?.activeTickets += 1
            let previous = cursors[decision.departmentID]
            if readCursorVersions[decision.departmentID] == nil { readCursorVersions[decision.departmentID] = previous?.version ?? 0 }
            cursors[decision.departmentID] = RoutingCursor(
                organizationID: organization, departmentID: decision.departmentID, agentID: decision.agentID,
                version: (readCursorVersions[decision.departmentID] ?? 0) + 1)
            assigned.append(decision)
        }
        guard !assigned.isEmpty else { return .committed([], skipped: skipped) }

        var unit = UnitOfWork(ticketUpdates.sorted { $0.0.description < $1.0.description }.map { $0.1 })
        unit.append(contentsOf: guarded.sorted { $0.description < $1.description }.map {
            .guardAgentCapacity($0, organizationID: organization, requireAvailable: true)
        })
        let departments = readCursorVersions.keys.sorted { ($0?.description ?? "") < ($1?.description ?? "") }
        for department in departments {
            guard let cursor = cursors[department], let read = readCursorVersions[department] else { continue }
            unit.append(.setRoutingCursor(cursor, expectedVersion: read))
        }
        unit.append(contentsOf: Self.groupedByKind(writes))
        do {
            _ = try await deps.storage.commit(unit)
        } catch StorageError.versionConflict(let entity, _) where entity == StorageEntity.routingCursor {
            return .yielded
        } catch StorageError.versionConflict, StorageError.missing, StorageError.duplicate {
            // A duplicate: another writer created a record the snapshot saw absent (a ticket's first SLA record).
            return .refused
        } catch StorageError.unavailable {
            // Also how PostgreSQL reports a deadlock it kept detecting: smaller units may get through; one
            // decision per unit reports it again if storage is really down.
            return .refused
        } catch {
            throw DomainError(storageFailure: error)
        }
        deps.eventsCommitted()
        pass.agents = agents
        pass.cursors = cursors
        return .committed(assigned, skipped: skipped)
    }

    /// `writes` grouped by kind — anything else first (as `seal` puts a mutation's extra changes before its history),
    /// then audit events, SLA records, jobs and recorded events — each group keeping its order.
    static func groupedByKind(_ writes: [UnitOfWork.Change]) -> [UnitOfWork.Change] {
        func rank(_ change: UnitOfWork.Change) -> Int {
            switch change {
            case .appendAuditEvent: 1
            case .saveTicketSLA: 2
            case .enqueueJob: 3
            case .recordEvent: 4
            default: 0
            }
        }
        var groups: [[UnitOfWork.Change]] = Array(repeating: [], count: 5)
        for change in writes { groups[rank(change)].append(change) }
        return groups.flatMap { $0 }
    }
}
