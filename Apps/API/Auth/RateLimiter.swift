import Domain
import Foundation

/// In-memory sliding-window counters (one process; a cluster behind a load balancer limits per process).
///
/// Each key keeps the instants of its recent attempts. An attempt is admitted only when every key it
/// names is below its limit, and only admitted attempts are counted, so a client that is refused does
/// not extend its own ban by retrying. Time comes from the injected clock, so tests drive it.
actor RateLimiter {
    private struct Window {
        var hits: [Date]
        let length: TimeInterval
    }

    private let clock: any WallClock
    private var windows: [String: Window] = [:]
    /// Above this many keys, keys whose window has emptied are dropped (bounded memory under a spray of
    /// distinct addresses or emails).
    private let compactionThreshold: Int

    init(clock: any WallClock, compactionThreshold: Int = 10_000) {
        self.clock = clock
        self.compactionThreshold = compactionThreshold
    }

    /// Counts one attempt against every `(key, limit)`; `nil` when admitted, otherwise the whole seconds
    /// after which the most restrictive key admits again (for `Retry-After`).
    func admit(_ keys: [(key: String, limit: RateLimit)]) -> Int? {
        let now = clock.now()
        var retryAfter: TimeInterval = 0
        for (key, limit) in keys {
            let recent = self.recent(key, limit, now)
            if recent.count >= limit.limit, let oldest = recent.first {
                retryAfter = max(retryAfter, limit.window - now.timeIntervalSince(oldest))
            }
        }
        if retryAfter > 0 { return max(1, Int(retryAfter.rounded(.up))) }
        for (key, limit) in keys {
            windows[key] = Window(hits: recent(key, limit, now) + [now], length: limit.window)
        }
        if windows.count > compactionThreshold { compact(now) }
        return nil
    }

    private func recent(_ key: String, _ limit: RateLimit, _ now: Date) -> [Date] {
        (windows[key]?.hits ?? []).filter { now.timeIntervalSince($0) < limit.window }
    }

    private func compact(_ now: Date) {
        windows = windows.filter { _, window in
            window.hits.last.map { now.timeIntervalSince($0) < window.length } ?? false
        }
    }
}
