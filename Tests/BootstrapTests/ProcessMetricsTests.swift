@testable import Bootstrap
import Domain
import Testing

/// The process-wide Prometheus registry and the metrics the jobs record in it.
@Suite struct ProcessMetricsTests {
    @Test("library metric names become valid Prometheus names", arguments: [
        ("http.server.active_requests", "http_server_active_requests"),
        ("a-b c/d", "a_b_c_d"),
        ("9lives", "_9lives"),
        ("already_fine:total", "already_fine:total"),
    ])
    func names(name: String, expected: String) {
        #expect(ProcessMetrics.prometheusName(name) == expected, "prometheusName(\(name))")
    }

    @Test func outboxCountersAddUpEveryReport() {
        ProcessMetrics.install()
        let counters = OutboxCounters()
        let before = Self.sample("switchboard_outbox_delivered_total")
        counters.record(NotificationDelivery.Report(delivered: 3, retried: 2, failed: 1))
        counters.record(NotificationDelivery.Report(delivered: 4))
        // Other suites of this process may deliver at the same time: counters only grow, by at least ours.
        #expect(Self.sample("switchboard_outbox_delivered_total") - before >= 7, "delivered counter after two reports")
        #expect(Self.sample("switchboard_outbox_retried_total") >= 2, "retried counter")
        #expect(Self.sample("switchboard_outbox_failed_total") >= 1, "failed counter")
    }

    /// The value of an unlabelled sample in the exposition text (0 when absent).
    static func sample(_ name: String) -> Double {
        for line in ProcessMetrics.exposition().split(separator: "\n") where line.hasPrefix(name + " ") {
            return Double(line.split(separator: " ")[1]) ?? 0
        }
        return 0
    }
}
