import Foundation

/// Brings open tickets' stored SLA records up to the organization's current SLA configuration after an
/// administrator changed it (issue 8): policy, due times and next check recomputed under the policy and calendar
/// that apply to each ticket now, so the SLA sweep's index (`nextCheckAt`) reports a shortened target's crossings
/// when they happen rather than when the old target said.
///
/// What it leaves alone: the timeline (what happened to the ticket) and `reported` (crossings already recorded stay
/// recorded and are not reported again); resolved and closed tickets (their clocks have stopped); tickets without a
/// record (they get one, under the current configuration, at their next change).
///
/// Bounded: it walks the organization's active tickets in number order, `batchSize` at a time, reads each page's
/// records in one query and saves the changed ones in one unit of work per page, each guarded by the version it
/// read. When a ticket changed meanwhile (its own unit already recomputed its record), the page is saved record by
/// record and the records that lost the race are left to that change.
public struct SLARecomputeUseCases: Sendable {
    let deps: Dependencies

    public init(_ deps: Dependencies) { self.deps = deps }

    /// What one recomputation did.
    public struct Report: Sendable, Equatable {
        /// Active tickets looked at.
        public var examined = 0
        /// Records saved with new due times or next check.
        public var updated = 0
        /// Records a concurrent ticket change saved first.
        public var conflicts = 0

        public init() {}
    }

    /// Recomputes the records of every active ticket of `organization` (see the type's documentation).
    @discardableResult
    public func recompute(in organization: OrganizationID, batchSize: Int = 200) async throws(DomainError) -> Report {
        let setup = try await deps.slaSetup(organization)
        var report = Report()
        var query = TicketQuery(
            scope: .organization(organization), filter: TicketFilter(statuses: TicketStatus.active),
            sort: TicketSort(field: .number, descending: false), limit: min(max(1, batchSize), TicketQuery.maximumLimit))
        while true {
            let page = try await deps.read { [query] in try await $0.tickets(query) }
            report.examined += page.items.count
            let ids = page.items.map(\.id)
            let records = try await deps.read { try await $0.ticketSLAs(tickets: ids, in: organization) }
            let stored = Dictionary(records.map { ($0.ticketID, $0) }, uniquingKeysWith: { first, _ in first })
            let now = deps.clock.now()
            var saves: [UnitOfWork.Change] = []
            for ticket in page.items {
                guard let record = stored[ticket.id] else { continue }
                let clock = setup.clock(for: ticket).clock
                var next = record
                next.policyID = clock.policyID
                next.refresh(clock: clock, at: now)
                guard next != record else { continue }
                next.version = record.version + 1
                saves.append(.saveTicketSLA(next, expectedVersion: record.version))
            }
            try await save(saves, into: &report)
            guard let cursor = page.nextCursor else { return report }
            query.cursor = cursor
        }
    }

    /// Saves a page's records in one unit, or one by one when a ticket changed meanwhile.
    private func save(_ saves: [UnitOfWork.Change], into report: inout Report) async throws(DomainError) {
        guard !saves.isEmpty else { return }
        do {
            _ = try await deps.storage.commit(UnitOfWork(saves))
            report.updated += saves.count
            return
        } catch StorageError.versionConflict {
            // Fall through: find which records lost the race.
        } catch {
            throw DomainError(storageFailure: error)
        }
        for change in saves {
            do {
                _ = try await deps.storage.commit(UnitOfWork([change]))
                report.updated += 1
            } catch StorageError.versionConflict {
                report.conflicts += 1
            } catch {
                throw DomainError(storageFailure: error)
            }
        }
    }
}
