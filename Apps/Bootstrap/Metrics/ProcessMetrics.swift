import Metrics
import Prometheus

/// The process's metrics: one Prometheus registry installed as swift-metrics' backend, so that every
/// metric recorded anywhere in the process (HTTP middleware, jobs, adapters) is exposed by `/metrics`.
///
/// swift-metrics accepts one backend per process, for its whole life; `install()` is idempotent and
/// runs before a `Runtime` exists, so that no metric is created against the no-op backend first.
public enum ProcessMetrics {
    /// The registry every metric of this process is recorded in.
    public static var registry: PrometheusCollectorRegistry { installed }

    /// Installs the backend once; later calls do nothing.
    public static func install() { _ = installed }

    /// Every metric in Prometheus' text exposition format (version 0.0.4).
    public static func exposition() -> String { registry.emitToString() }

    /// The content type of `exposition()`.
    public static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    private static let installed: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        // Libraries name metrics with dots (`http.server.request.duration`); Prometheus allows [a-zA-Z0-9_:]
        // only, and its conventions want units and `_total` in names.
        factory.nameAndLabelSanitizer = { name, labels in
            (conventionalNames[name] ?? prometheusName(name), labels.map { (prometheusName($0.0), $0.1) })
        }
        MetricsSystem.bootstrap(factory)
        return registry
    }()

    /// Hummingbird's `MetricsMiddleware` names, renamed the way Prometheus users expect them.
    static let conventionalNames = [
        "hb.requests": "http_server_requests_total",
        "hb.request.errors": "http_server_request_errors_total",
        "http.server.request.duration": "http_server_request_duration_seconds",
    ]

    /// `name` with every character Prometheus does not allow in a name replaced by `_`.
    static func prometheusName(_ name: String) -> String {
        var result = String(name.unicodeScalars.map { scalar -> Character in
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "_", ":": Character(scalar)
            default: "_"
            }
        })
        if let first = result.unicodeScalars.first, ("0"..."9").contains(first) { result = "_" + result }
        return result
    }
}
