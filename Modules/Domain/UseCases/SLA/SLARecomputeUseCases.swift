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
/// Run as a job, not inside the request: the `PUT` that changes the configuration enqueues a `recompute_sla` job in
/// its own unit of work (`job(for:after:)`), and workers (`runJobs(holder:)`) walk the organization's active tickets
/// in number order, one page per claim. Each page's records and the job's continuation (a new job carrying the
/// cursor after the page) commit in one unit with the claimed job's completion, so a worker that dies mid-walk
/// loses at most the page it held: once its lease expires another worker claims that page again and goes on from
/// there. Records are saved under the version they were read with; when a ticket changed meanwhile (its own unit
/// already recomputed its record), the page is saved record by record and the records that lost the race are
/// left to that change. Walking a page twice changes nothing the second time.
public struct SLARecomputeUseCases: Sendable {
    let deps: Dependencies

    public init(_ deps: Dependencies) { self.deps = deps }

    /// The job kind workers claim.
    public static let jobKind = "recompute_sla"

    /// What a recomputation (or a run of jobs) did.
    public struct Report: Sendable, Equatable {
        /// Active tickets looked at.
        public var examined = 0
        /// Records saved with new due times or next check.
        public var updated = 0
        /// Records a concurrent ticket change saved first.
        public var conflicts = 0
        /// Jobs (pages) claimed and finished, by `runJobs`.
        public var pages = 0
        /// Walks finished (the last page of an organization's walk), by `runJobs`.
        public var finished = 0

        public init() {}
    }

    /// What a `recompute_sla` job carries: the organization, and where in its walk the job starts.
    struct Payload: Codable, Equatable {
        var organizationId: String
        /// `TicketCursor.encoded` after which the page starts; absent for the first page.
        var after: String?
    }

    /// A job that recomputes `organization`'s records from the page after `cursor` (from the start when `nil`),
    /// due now. The configuration changes enqueue it in their own unit of work.
    public func job(for organization: OrganizationID, after cursor: TicketCursor? = nil) -> Job {
        let payload = Payload(organizationId: organization.description, after: cursor?.encoded)
        let text = String(decoding: (try? JSONEncoder().encode(payload)) ?? Data(), as: UTF8.self)
        let now = deps.clock.now()
        return Job(id: deps.ids.make(), organizationID: organization, kind: Self.jobKind, payload: text, runAt: now, createdAt: now)
    }

    /// Claims up to `limit` due `recompute_sla` jobs as `holder` and runs one page of each: the page's records, the
    /// job's completion and its continuation commit together. Call again until it claims nothing (`pages == 0`).
    public func runJobs(holder: String, limit: Int = 10, batchSize: Int = 200, leaseSeconds: Int = 120) async throws(DomainError) -> Report {
        let now = deps.clock.now()
        let jobs = try await deps.read { try await $0.claimJobs(kind: Self.jobKind, holder: holder, now: now, leaseSeconds: leaseSeconds, limit: limit) }
        var report = Report()
        for job in jobs {
            guard let payload = try? JSONDecoder().decode(Payload.self, from: Data(job.payload.utf8)),
                  OrganizationID(payload.organizationId) == job.organizationID,
                  payload.after.map({ TicketCursor(encoded: $0) != nil }) ?? true
            else {
                try await finish([.failJob(job.id, holder: holder, error: "unreadable payload: \(job.payload)")])
                continue
            }
            let cursor = payload.after.flatMap(TicketCursor.init(encoded:))
            let (saves, next) = try await page(in: job.organizationID, after: cursor, batchSize: batchSize, into: &report)
            var finishing: [UnitOfWork.Change] = [.completeJob(job.id, holder: holder)]
            if let next { finishing.append(.enqueueJob(self.job(for: job.organizationID, after: next))) } else { report.finished += 1 }
            if try await commit(saves + finishing) {
                report.updated += saves.count
            } else {
                // A record lost a race, or the lease expired and another worker owns the page: save what still can
                // be, then hand the walk on (a lost lease makes this fail too, and the new holder goes on).
                try await save(saves, into: &report)
                try await finish(finishing)
            }
            report.pages += 1
        }
        return report
    }

    /// Recomputes the records of every active ticket of `organization` at once (tools and tests; the
    /// configuration changes use the job).
    @discardableResult
    public func recompute(in organization: OrganizationID, batchSize: Int = 200) async throws(DomainError) -> Report {
        var report = Report()
        var cursor: TicketCursor?
        repeat {
            let (saves, next) = try await page(in: organization, after: cursor, batchSize: batchSize, into: &report)
            try await save(saves, into: &report)
            cursor = next
        } while cursor != nil
        return report
    }

    /// The guarded saves of one page of active tickets after `cursor`, and the cursor after it when more follow.
    private func page(
        in organization: OrganizationID, after cursor: TicketCursor?, batchSize: Int, into report: inout Report
    ) async throws(DomainError) -> ([UnitOfWork.Change], TicketCursor?) {
        let setup = try await deps.slaSetup(organization)
        let query = TicketQuery(
            scope: .organization(organization), filter: TicketFilter(statuses: TicketStatus.active),
            sort: TicketSort(field: .number, descending: false), cursor: cursor,
            limit: min(max(1, batchSize), TicketQuery.maximumLimit))
        let page = try await deps.read { try await $0.tickets(query) }
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
        return (saves, page.nextCursor)
    }

    /// Commits `changes` in one unit; `false` on a version conflict.
    private func commit(_ changes: [UnitOfWork.Change]) async throws(DomainError) -> Bool {
        do {
            _ = try await deps.storage.commit(UnitOfWork(changes))
            return true
        } catch StorageError.versionConflict {
            return false
        } catch {
            throw DomainError(storageFailure: error)
        }
    }

    /// Finishes a job; a conflict means another worker holds it now and finishes it.
    private func finish(_ changes: [UnitOfWork.Change]) async throws(DomainError) {
        _ = try await commit(changes)
    }

    /// Saves a page's records in one unit, or one by one when a ticket changed meanwhile.
    private func save(_ saves: [UnitOfWork.Change], into report: inout Report) async throws(DomainError) {
        guard !saves.isEmpty else { return }
        if try await commit(saves) {
            report.updated += saves.count
            return
        }
        for change in saves {
            if try await commit([change]) { report.updated += 1 } else { report.conflicts += 1 }
        }
    }
}
