import Domain
import Foundation

extension MemoryStorage {
    public func refreshToken(digest: String) async throws -> RefreshToken? {
        try ensureAvailable()
        return state.refreshTokensByDigest[digest].flatMap { state.refreshTokens[$0] }
    }

    /// The actor runs one claim at a time, which is what makes claims exclusive here.
    public func claimJobs(kind: String, holder: String, now: Date, leaseSeconds: Int, limit: Int) async throws -> [Job] {
        try ensureAvailable()
        let due = state.jobs.values
            .filter { $0.kind == kind && $0.state == .pending && $0.runAt <= now && ($0.lease.map { $0.expiresAt <= now } ?? true) }
            .sorted(by: Self.jobOrder)
            .prefix(max(0, limit))
        let lease = JobLease(holder: holder, expiresAt: now.addingTimeInterval(TimeInterval(leaseSeconds)))
        return due.map { job in
            var claimed = job
            claimed.lease = lease
            claimed.attempts += 1
            state.jobs[job.id] = claimed
            return claimed
        }
    }

    public func job(id: JobID) async throws -> Job? {
        try ensureAvailable()
        return state.jobs[id]
    }

    public func jobs(kind: String, state jobState: Job.State, limit: Int) async throws -> [Job] {
        try ensureAvailable()
        return Array(state.jobs.values.filter { $0.kind == kind && $0.state == jobState }.sorted(by: Self.jobOrder).prefix(max(0, limit)))
    }

    static func jobOrder(_ a: Job, _ b: Job) -> Bool { a.runAt != b.runAt ? a.runAt < b.runAt : a.id < b.id }
}
