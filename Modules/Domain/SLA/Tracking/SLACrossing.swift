import Foundation

/// A threshold one clock of a ticket crossed, as the SLA worker reported it (once).
public struct SLACrossing: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// At most 50 % of the target left (§6).
        case warning
        /// The due time passed before the clock stopped.
        case breached
    }

    public let metric: SLAMetric
    public let kind: Kind
    /// When the clock crossed the threshold (not when it was noticed).
    public let at: Date

    public init(metric: SLAMetric, kind: Kind, at: Date) {
        self.metric = metric
        self.kind = kind
        self.at = at
    }
}
