import Foundation

/// A ticket's SLA at an instant: the `sla` block of every ticket response (§6).
public struct SLAStatus: Sendable, Equatable {
    /// `nil` when no policy of the organization matched and `SLAClock.default` applied.
    public let policyID: SLAPolicyID?
    public let evaluatedAt: Date
    public let firstResponse: SLAClockState
    public let resolution: SLAClockState

    public init(policyID: SLAPolicyID?, evaluatedAt: Date, firstResponse: SLAClockState, resolution: SLAClockState) {
        self.policyID = policyID
        self.evaluatedAt = evaluatedAt
        self.firstResponse = firstResponse
        self.resolution = resolution
    }

    /// The earlier of the two clocks' next crossings: when a worker should look at this ticket again.
    public var nextCrossingAt: Date? {
        [firstResponse.nextCrossingAt, resolution.nextCrossingAt].compactMap { $0 }.min()
    }
}
