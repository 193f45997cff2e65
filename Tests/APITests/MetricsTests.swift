import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// `/metrics` exposes what the process did in Prometheus' text format.
@Suite struct MetricsTests {
    @Test func requestsAreCountedByRouteMethodAndStatus() async throws {
        try await TestAPI.run { api in
            #expect(try await api.call(.get, "/healthz").status == .ok)

            let response = try await api.call(.get, "/metrics")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/plain; version=0.0.4; charset=utf-8")
            let lines = response.text.split(separator: "\n").map(String.init)
            let healthz = lines.first {
                $0.hasPrefix("http_server_requests_total{") && $0.contains(#"http_route="/healthz""#)
                    && $0.contains(#"http_request_method="GET""#) && $0.contains(#"http_response_status_code="200""#)
            }
            let count = healthz.flatMap { $0.split(separator: " ").last }.flatMap { Double($0) }
            #expect((count ?? 0) >= 1, "GET /healthz → 200 is counted: \(healthz ?? "no sample") in\n\(response.text.prefix(3000))")
            #expect(lines.contains { $0.hasPrefix("http_server_request_duration_seconds_bucket{") }, "request durations are histograms")
            let malformed = lines.filter {
                !$0.hasPrefix("#") && $0.range(of: #"^[a-zA-Z_:][a-zA-Z0-9_:]*(\{.*\})? \S+$"#, options: .regularExpression) == nil
            }
            #expect(malformed.isEmpty, "every sample line is a valid Prometheus sample: \(malformed)")
        }
    }
}
