import Foundation

/// The worker's outbox job: claims due notification jobs, renders and delivers them through the notifier,
/// and records the outcome with the job. Delivery is at least once: a worker that dies after the notifier
/// accepted a notification but before `completeJob` committed lets another worker send it again after the
/// lease expires, with the same `Notification.id` for the receiver to de-duplicate.
public struct NotificationDelivery: Sendable {
    let deps: Dependencies
    let notifier: any Notifier
    public let retry: RetryPolicy
    /// How long a claimed job is reserved for this worker.
    public let leaseSeconds: Int

    public init(_ deps: Dependencies, notifier: any Notifier, retry: RetryPolicy = .init(), leaseSeconds: Int = 120) {
        self.deps = deps
        self.notifier = notifier
        self.retry = retry
        self.leaseSeconds = leaseSeconds
    }

    /// Exponential backoff with jitter and a maximum number of attempts.
    public struct RetryPolicy: Sendable, Equatable {
        public var maximumAttempts: Int
        public var baseDelaySeconds: Double
        public var maximumDelaySeconds: Double

        public init(maximumAttempts: Int = 8, baseDelaySeconds: Double = 10, maximumDelaySeconds: Double = 3600) {
            self.maximumAttempts = maximumAttempts
            self.baseDelaySeconds = baseDelaySeconds
            self.maximumDelaySeconds = maximumDelaySeconds
        }

        /// Delay before the attempt after `attempts` failed ones: base·2^(attempts−1), capped, plus up to
        /// 25 % jitter derived from the job id (deterministic, so tests can predict it, yet spread across jobs).
        public func delay(afterAttempts attempts: Int, jobID: JobID) -> Double {
            let exponential = min(maximumDelaySeconds, baseDelaySeconds * pow(2, Double(max(0, attempts - 1))))
            let spread = Double(UInt64(Fingerprint.of([jobID.description]), radix: 16)! % 1000) / 1000
            return exponential * (1 + 0.25 * spread)
        }
    }

    /// What one pass did.
    public struct Report: Sendable, Equatable {
        public var delivered: Int
        public var retried: Int
        public var failed: Int
        public var claimed: Int { delivered + retried + failed }

        public init(delivered: Int = 0, retried: Int = 0, failed: Int = 0) {
            self.delivered = delivered
            self.retried = retried
            self.failed = failed
        }
    }

    /// Delivers up to `limit` due notifications as `holder` (a name unique to this worker).
    public func deliverDue(holder: String, limit: Int = 50) async throws(DomainError) -> Report {
        let now = deps.clock.now()
        let jobs = try await deps.read { try await $0.claimJobs(kind: Outbox.jobKind, holder: holder, now: now, leaseSeconds: leaseSeconds, limit: limit) }
        var report = Report()
        for job in jobs {
            let outcome = await deliver(job)
            let change: UnitOfWork.Change
            switch outcome {
            case .delivered:
                change = .completeJob(job.id, holder: holder)
                report.delivered += 1
            case .retry(let reason) where job.attempts < retry.maximumAttempts:
                let runAt = deps.clock.now().addingTimeInterval(retry.delay(afterAttempts: job.attempts, jobID: job.id))
                change = .rescheduleJob(job.id, holder: holder, runAt: runAt, error: reason)
                report.retried += 1
            case .retry(let reason), .fail(let reason):
                change = .failJob(job.id, holder: holder, error: reason)
                report.failed += 1
            }
            do {
                _ = try await deps.storage.commit(UnitOfWork([change]))
            } catch StorageError.versionConflict {
                // The lease expired and another worker owns the job now; it records the outcome.
                continue
            } catch {
                throw DomainError(storageFailure: error)
            }
        }
        return report
    }

    private enum Outcome {
        case delivered
        case retry(String)
        case fail(String)
    }

    private func deliver(_ job: Job) async -> Outcome {
        let request: NotificationRequest
        do { request = try Outbox.request(in: job) } catch { return .fail("unreadable payload: \(error)") }
        let loaded: (Ticket?, Organization?)
        do {
            loaded = try await (deps.storage.ticket(id: request.ticketID, in: request.organizationID), deps.storage.organization(id: request.organizationID))
        } catch {
            return .retry("storage: \(error)")
        }
        guard let ticket = loaded.0, let organization = loaded.1 else { return .fail("the ticket no longer exists") }
        do {
            let template = organization.settings.notificationTemplate(for: request.kind)
            try await notifier.deliver(request.render(ticket: ticket, organization: organization, template: template))
            return .delivered
        } catch NotifierError.permanent(let reason) {
            return .fail(reason)
        } catch NotifierError.temporary(let reason) {
            return .retry(reason)
        } catch {
            return .retry("\(error)")
        }
    }
}
