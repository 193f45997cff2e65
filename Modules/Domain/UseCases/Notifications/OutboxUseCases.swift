/// Operators' view of the outbox: notifications that could not be delivered, and sending them again.
public struct OutboxUseCases: Sendable {
    let deps: Dependencies

    public init(_ deps: Dependencies) { self.deps = deps }

    /// Permanently failed deliveries (all organizations; operator tooling), oldest first.
    public func failed(limit: Int = 100) async throws(DomainError) -> [(Job, NotificationRequest?)] {
        let jobs = try await deps.read { try await $0.jobs(kind: Outbox.jobKind, state: .failed, limit: limit) }
        return jobs.map { ($0, try? Outbox.request(in: $0)) }
    }

    /// Failed deliveries of the actor's organization (admins).
    public func failed(actor: Actor, limit: Int = 100) async throws(DomainError) -> [(Job, NotificationRequest?)] {
        try AccessPolicy.authorize(actor, .manageUsers)
        return try await failed(limit: 10_000).filter { $0.0.organizationID == actor.organizationID }.prefix(limit).map { $0 }
    }

    /// Sends a failed delivery of the actor's organization back to the queue (admins). A job of another
    /// organization is not found, as if it did not exist.
    public func retry(_ id: JobID, actor: Actor) async throws(DomainError) {
        try AccessPolicy.authorize(actor, .manageUsers)
        let job = try await deps.read { try await $0.job(id: id) }
        guard let job, job.kind == Outbox.jobKind, job.organizationID == actor.organizationID else {
            throw .notFound(entity: "notification job")
        }
        try await retry(id)
    }

    /// Sends a failed delivery back to the queue, due now, with a fresh attempt count.
    public func retry(_ id: JobID) async throws(DomainError) {
        let job = try await deps.read { try await $0.job(id: id) }
        guard let job, job.kind == Outbox.jobKind else { throw .notFound(entity: "notification job") }
        guard job.state == .failed else { throw .conflict(reason: "only failed deliveries can be retried") }
        _ = try await deps.commit(UnitOfWork([.requeueJob(id, organizationID: job.organizationID, runAt: deps.clock.now())]))
    }
}
