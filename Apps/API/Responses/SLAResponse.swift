import Domain

/// The SLA block of every ticket (SPEC §6): due times, time left, level, met and breached instants.
struct SLAResponse: Encodable, Sendable {
    @Nullable var policyId: String?
    let firstResponse: SLATimerResponse
    let resolution: SLATimerResponse

    init(policyId: String?, firstResponse: SLATimerResponse, resolution: SLATimerResponse) {
        self.policyId = policyId
        self.firstResponse = firstResponse
        self.resolution = resolution
    }

    init(_ status: SLAStatus) {
        self.init(
            policyId: status.policyID?.description, firstResponse: SLATimerResponse(status.firstResponse, includesPause: false),
            resolution: SLATimerResponse(status.resolution, includesPause: true)
        )
    }

    /// Every value null: for a ticket whose SLA could not be computed.
    static let notComputed = SLAResponse(
        policyId: nil, firstResponse: SLATimerResponse(pausedSeconds: nil, includesPause: false),
        resolution: SLATimerResponse(pausedSeconds: nil, includesPause: true)
    )
}

/// One SLA clock: due time, time left, level (`ok`, `warning`, `critical`, `breached`, `met`, `paused`).
struct SLATimerResponse: Encodable, Sendable {
    @Nullable var dueAt: String?
    @Nullable var remainingSeconds: Int?
    @Nullable var level: String?
    @Nullable var metAt: String?
    @Nullable var breachedAt: String?
    /// Only the resolution clock pauses (while waiting on the customer).
    let pausedSeconds: Int?
    private let includesPause: Bool

    init(pausedSeconds: Int?, includesPause: Bool) {
        self.pausedSeconds = pausedSeconds
        self.includesPause = includesPause
    }

    init(_ state: SLAClockState, includesPause: Bool) {
        self.init(pausedSeconds: includesPause ? state.pausedSeconds : nil, includesPause: includesPause)
        dueAt = WireTime.string(state.dueAt)
        remainingSeconds = state.remainingSeconds
        level = state.level.rawValue
        metAt = WireTime.string(state.metAt)
        breachedAt = WireTime.string(state.breachedAt)
    }

    private enum CodingKeys: String, CodingKey {
        case dueAt, remainingSeconds, level, metAt, breachedAt, pausedSeconds
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(_dueAt, forKey: .dueAt)
        try container.encode(_remainingSeconds, forKey: .remainingSeconds)
        try container.encode(_level, forKey: .level)
        try container.encode(_metAt, forKey: .metAt)
        try container.encode(_breachedAt, forKey: .breachedAt)
        if includesPause { try container.encode(pausedSeconds, forKey: .pausedSeconds) }
    }
}
