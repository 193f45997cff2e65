import Synchronization

/// The highest clock reading (in milliseconds) any task has finished taking, shared between tasks.
final class LatestReading: Sendable {
    private let highest = Mutex<Int64>(.min)

    var value: Int64 { highest.withLock { $0 } }

    func record(_ milliseconds: Int64) {
        highest.withLock { $0 = max($0, milliseconds) }
    }
}
