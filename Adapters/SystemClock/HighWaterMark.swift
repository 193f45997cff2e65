import Synchronization

/// The latest clock reading handed out, in Unix milliseconds; shared between threads.
final class HighWaterMark: Sendable {
    private let latest = Mutex<Int64>(.min)

    /// Records `milliseconds` if it is later than the mark, and returns the (possibly unchanged) mark.
    func raise(to milliseconds: Int64) -> Int64 {
        latest.withLock { latest in
            latest = max(latest, milliseconds)
            return latest
        }
    }
}
