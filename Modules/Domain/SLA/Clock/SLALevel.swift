/// Where a clock stands (§6).
public enum SLALevel: String, Sendable, Codable, CaseIterable {
    /// More than 50 % of the target left.
    case ok
    /// 20 % to 50 % left, both bounds included.
    case warning
    /// Less than 20 % left, due time not yet passed.
    case critical
    /// The due time passed before the clock stopped. Final: lowering the priority afterwards does not undo it.
    case breached
    /// Stopped (responded, resolved) by the due time.
    case met
    /// Resolution clock only: the ticket waits on the customer.
    case paused

    /// Level from the remaining share of a running clock: ok above 50 %, warning from 50 % down to 20 %
    /// (inclusive), critical below. Integer arithmetic, so the thresholds are exact.
    static func of(remaining: Int, target: Int) -> SLALevel {
        if remaining * 2 > target { return .ok }
        if remaining * 5 >= target { return .warning }
        return .critical
    }
}
