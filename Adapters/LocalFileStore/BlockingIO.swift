import Dispatch
import Synchronization

/// Runs blocking system calls on a few dedicated serial dispatch queues ("lanes"), so that slow disks
/// stall those threads and never Swift's cooperative thread pool, which async code needs to make progress.
final class BlockingIO: Sendable {
    private let lanes: [DispatchQueue]
    private let nextLane = Atomic<Int>(0)
    private static let laneMarker = DispatchSpecificKey<Bool>()

    /// - Parameters:
    ///   - label: prefix of the queues' labels, shown in debuggers and crash reports.
    ///   - width: how many blocking calls may run at once.
    init(label: String, width: Int) {
        precondition(width > 0)
        lanes = (0..<width).map { index in
            let queue = DispatchQueue(label: "\(label).\(index)", qos: .utility)
            queue.setSpecific(key: Self.laneMarker, value: true)
            return queue
        }
    }

    /// Whether the caller runs on a lane of some `BlockingIO` (for tests and assertions).
    static var isOnLane: Bool { DispatchQueue.getSpecific(key: laneMarker) ?? false }

    /// Runs `work` on the next lane and suspends (without blocking) until it is done.
    func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        let lane = lanes[nextLane.wrappingAdd(1, ordering: .relaxed).oldValue % lanes.count]
        return try await Self.run(on: lane, work)
    }

    /// Runs `work` on `queue` and suspends until it is done.
    static func run<T: Sendable>(on queue: DispatchQueue, _ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try work() }) }
        }
    }
}
