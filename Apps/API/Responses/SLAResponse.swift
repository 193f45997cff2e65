/// The SLA block of every ticket (SPEC §6). SLA computation is a later feature; until it exists every
/// value is `null`, so that clients can already rely on the shape.
struct SLAResponse: Encodable, Sendable {
    @Nullable var policyId: String?
    let firstResponse: SLATimerResponse
    let resolution: SLATimerResponse

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
