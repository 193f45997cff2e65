import Foundation

/// The knobs of the HTTP layer, with production defaults; tests tighten or relax them.
struct APIOptions: Sendable {
    /// The largest request body accepted, in bytes. A larger declared `Content-Length` is refused with
    /// 413 before anything is read; a chunked body is refused as soon as it grows past the limit.
    var maximumBodyBytes = 1024 * 1024
    /// How long an access token is accepted after it was issued.
    var accessTokenLifetime: TimeInterval = 15 * 60
    /// Sign-in attempts, counted per client address and per account (email).
    var loginLimits = RateLimitPair(perAddress: RateLimit(limit: 30, window: 60), perAccount: RateLimit(limit: 10, window: 60))
    /// Self-registrations, counted per client address and per email.
    var registrationLimits = RateLimitPair(perAddress: RateLimit(limit: 10, window: 3600), perAccount: RateLimit(limit: 5, window: 3600))
    /// The WebSocket endpoint's buffers, sizes, timeouts and connection cap.
    var realtime = RealtimeOptions()
}

/// At most `limit` events in any `window` seconds.
struct RateLimit: Sendable, Equatable {
    var limit: Int
    var window: TimeInterval
}

/// The two counters one guarded endpoint keeps: a flood from one address, and a guessing attack on one
/// account spread over many addresses.
struct RateLimitPair: Sendable, Equatable {
    var perAddress: RateLimit
    var perAccount: RateLimit
}
