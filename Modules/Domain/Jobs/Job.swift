import Foundation

/// A unit of background work stored with the change that caused it (a notification to deliver, …) and
/// leased to one worker at a time, in any process.
public struct Job: Sendable, Equatable {
    public enum State: String, Sendable, Codable, CaseIterable {
        /// Waiting for `runAt`, or leased to a worker.
        case pending
        /// Gave up after its last attempt; kept for operators to see and retry.
        case failed
    }

    public let id: JobID
    public let organizationID: OrganizationID
    /// What to do, e.g. `deliver_notification`; workers claim by kind.
    public let kind: String
    /// Kind-specific data (JSON text).
    public let payload: String
    public var state: State
    /// Not claimable before this instant.
    public var runAt: Date
    /// Claims so far (each claim counts as one attempt).
    public var attempts: Int
    public var lastError: String?
    /// The worker holding the job and until when; an expired lease may be claimed by another worker.
    public var lease: JobLease?
    public let createdAt: Date

    public init(
        id: JobID, organizationID: OrganizationID, kind: String, payload: String, state: State = .pending, runAt: Date,
        attempts: Int = 0, lastError: String? = nil, lease: JobLease? = nil, createdAt: Date
    ) {
        self.id = id
        self.organizationID = organizationID
        self.kind = kind
        self.payload = payload
        self.state = state
        self.runAt = runAt
        self.attempts = attempts
        self.lastError = lastError
        self.lease = lease
        self.createdAt = createdAt
    }
}

/// Who holds a job and until when.
public struct JobLease: Sendable, Equatable {
    /// A worker's unique name (process and task), chosen by the worker.
    public let holder: String
    public let expiresAt: Date

    public init(holder: String, expiresAt: Date) {
        self.holder = holder
        self.expiresAt = expiresAt
    }
}

public typealias JobID = Identifier<Job>
