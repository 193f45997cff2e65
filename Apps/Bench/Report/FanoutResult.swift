import Foundation

/// What the WebSocket fan-out benchmark measured (§15 target: p99 < 50 ms to 1,000 clients).
struct FanoutResult: Sendable, Codable {
    /// Connections opened, and the distinct agents holding them.
    let clients: Int
    let users: Int
    /// Connections whose subscription the server confirmed before the event.
    let subscribed: Int
    /// Connections that received the event within the deadline.
    let received: Int
    let loginSeconds: Double
    let connectSeconds: Double
    /// The round trip of the request that produced the event (its response may come after the first receipts).
    let requestMilliseconds: Double
    /// From sending the request to each client's receipt.
    let p50Milliseconds: Double
    let p95Milliseconds: Double
    let p99Milliseconds: Double
    let maxMilliseconds: Double
    let firstError: String?

    static let targetMilliseconds = 50.0

    var summary: String {
        // The target is about 1,000 clients: fewer say nothing about it.
        let verdict = clients < 1_000 ? "not applicable (fewer clients)"
            : received == clients && p99Milliseconds < Self.targetMilliseconds ? "met" : "missed"
        return String(format: "%d of %d clients got the event, p99 %.1f ms, target < %.0f ms ", received, clients, p99Milliseconds, Self.targetMilliseconds)
            + verdict
    }

    var lines: [String] {
        var lines = [
            "WebSocket fan-out: \(clients) connections (\(users) agents), \(subscribed) subscribed, \(received) received the event",
            String(format: "  from request sent to receipt: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms (the request itself: %.1f ms)",
                   p50Milliseconds, p95Milliseconds, p99Milliseconds, maxMilliseconds, requestMilliseconds),
            String(format: "  sign-in of the agents %.1f s, connecting and subscribing %.1f s", loginSeconds, connectSeconds),
        ]
        if let firstError { lines.append("  first client error: \(firstError)") }
        return lines
    }
}
