/// How long a ticket of one priority may wait, in seconds of working time.
public struct SLATarget: Sendable, Hashable, Codable {
    /// Until the first public agent response.
    public var firstResponseSeconds: Int
    /// Until resolution, not counting time paused in `waiting_customer`.
    public var resolutionSeconds: Int

    public init(firstResponseSeconds: Int, resolutionSeconds: Int) {
        self.firstResponseSeconds = firstResponseSeconds
        self.resolutionSeconds = resolutionSeconds
    }

    /// Readable constructor for definitions: `SLATarget(firstResponseMinutes: 15, resolutionHours: 2)`.
    public init(firstResponseMinutes: Int, resolutionHours: Int) {
        self.init(firstResponseSeconds: firstResponseMinutes * 60, resolutionSeconds: resolutionHours * 3_600)
    }

    /// The target for one of the two clocks.
    public func seconds(for metric: SLAMetric) -> Int {
        switch metric {
        case .firstResponse: firstResponseSeconds
        case .resolution: resolutionSeconds
        }
    }
}

/// One target per priority; total by construction, so every ticket has a target.
public struct SLATargets: Sendable, Hashable, Codable {
    public var low: SLATarget
    public var medium: SLATarget
    public var high: SLATarget
    public var urgent: SLATarget

    public init(low: SLATarget, medium: SLATarget, high: SLATarget, urgent: SLATarget) {
        self.low = low
        self.medium = medium
        self.high = high
        self.urgent = urgent
    }

    public subscript(priority: Priority) -> SLATarget {
        get {
            switch priority {
            case .low: low
            case .medium: medium
            case .high: high
            case .urgent: urgent
            }
        }
        set {
            switch priority {
            case .low: low = newValue
            case .medium: medium = newValue
            case .high: high = newValue
            case .urgent: urgent = newValue
            }
        }
    }

    /// §6: urgent 15 min / 2 h, high 30 min / 4 h, medium 1 h / 8 h, low 2 h / 24 h.
    public static let defaults = SLATargets(
        low: SLATarget(firstResponseMinutes: 120, resolutionHours: 24),
        medium: SLATarget(firstResponseMinutes: 60, resolutionHours: 8),
        high: SLATarget(firstResponseMinutes: 30, resolutionHours: 4),
        urgent: SLATarget(firstResponseMinutes: 15, resolutionHours: 2)
    )
}
