import Bootstrap
import Hummingbird

/// `GET /metrics`: every metric of this process in Prometheus' text format — HTTP requests by route,
/// method and status with their durations, and what the in-process jobs did. Like the health routes it
/// needs no token (scrapers do not log in); it reveals counts and timings, never data, and operators
/// who expose the API publicly keep `/metrics` to their network at the proxy.
struct MetricsRoutes: Sendable {
    func register(on router: Router<APIRequestContext>) {
        router.get("metrics") { _, _ in
            Response(
                status: .ok,
                headers: [.contentType: ProcessMetrics.contentType],
                body: ResponseBody(byteBuffer: ByteBuffer(string: ProcessMetrics.exposition()))
            )
        }
    }
}
