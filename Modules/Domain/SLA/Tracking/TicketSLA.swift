import Foundation

/// What storage keeps of one ticket's SLA (§6): the timeline its clocks are computed from, the due
/// times and the next instant the SLA worker must look at it (the indexed column), and the crossings
/// already reported. Written in the same unit of work as every change of the ticket.
public struct TicketSLA: Sendable, Equatable {
    public let ticketID: TicketID
    public let organizationID: OrganizationID
    /// The policy that applied at the last change; `nil` for `SLAClock.default`.
    public var policyID: SLAPolicyID?
    public var timeline: SLATimeline
    /// Copied from the ticket for compliance figures per agent and department.
    public var assigneeID: UserID?
    public var departmentID: DepartmentID?
    /// The first-response due time as of the last change (`SLAClockState.dueAt`).
    public var firstResponseDueAt: Date?
    /// The resolution due time as of the last change; `nil` while paused with time left.
    public var resolutionDueAt: Date?
    /// The earliest unreported warning or breach, reached or projected; `nil` when nothing can be
    /// crossed until the ticket changes. The SLA worker's index.
    public var nextCheckAt: Date?
    /// Crossings already reported, in the order they were.
    public var reported: [SLACrossing]
    /// The verdicts of stopped clocks (at most one per metric): each clock's state as it stood under the policy and
    /// calendar in force when it stopped (met or breached). A later policy or business-hours change does not flip
    /// them (`settled(_:)`); a clock that runs again (a reopened ticket) drops its verdict.
    public var verdicts: [SLAClockState]
    /// Optimistic-concurrency version: 1 when created, +1 with every save.
    public var version: Int

    public init(
        ticketID: TicketID, organizationID: OrganizationID, policyID: SLAPolicyID?, timeline: SLATimeline,
        assigneeID: UserID? = nil, departmentID: DepartmentID? = nil, firstResponseDueAt: Date? = nil,
        resolutionDueAt: Date? = nil, nextCheckAt: Date? = nil, reported: [SLACrossing] = [], verdicts: [SLAClockState] = [],
        version: Int = 1
    ) {
        self.ticketID = ticketID
        self.organizationID = organizationID
        self.policyID = policyID
        self.timeline = timeline
        self.assigneeID = assigneeID
        self.departmentID = departmentID
        self.firstResponseDueAt = firstResponseDueAt
        self.resolutionDueAt = resolutionDueAt
        self.nextCheckAt = nextCheckAt
        self.reported = reported
        self.verdicts = verdicts
        self.version = version
    }

    /// When the ticket was created (the start of both clocks).
    public var ticketCreatedAt: Date { timeline.createdAt }

    /// The stored verdict of `metric`'s clock, if it stopped.
    public func verdict(_ metric: SLAMetric) -> SLAClockState? {
        verdicts.first { $0.metric == metric }
    }

    /// `status` (evaluated now, under the configuration in force now) with each clock that is still stopped at the
    /// instant its verdict was recorded replaced by that verdict: a stopped clock keeps the outcome of the policy it
    /// ran under. What the `sla` block, the sweep and compliance figures use.
    public func settled(_ status: SLAStatus) -> SLAStatus {
        func settle(_ state: SLAClockState) -> SLAClockState {
            guard let stoppedAt = state.stoppedAt, let verdict = verdict(state.metric), verdict.stoppedAt == stoppedAt else { return state }
            return verdict
        }
        return SLAStatus(
            policyID: status.policyID, evaluatedAt: status.evaluatedAt, firstResponse: settle(status.firstResponse),
            resolution: settle(status.resolution))
    }

    /// Whether this crossing was reported already.
    public func hasReported(_ metric: SLAMetric, _ kind: SLACrossing.Kind) -> Bool {
        reported.contains { $0.metric == metric && $0.kind == kind }
    }
}
