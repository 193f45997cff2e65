/// Whether an agent can receive work right now (§3).
public enum Availability: String, Sendable, Codable, CaseIterable {
    case available, busy, away, offline
}
