/// The two clocks of every ticket.
public enum SLAMetric: String, Sendable, Codable, CaseIterable {
    case firstResponse = "first_response"
    case resolution
}
