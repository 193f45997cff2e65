import Foundation
import Synchronization

/// Runs `body`, which blocks its thread (waiting for a child process, reading a pipe to its end,
/// waiting on a semaphore), on a thread of its own, and suspends the calling task until it returns.
///
/// Why: Swift's cooperative pool has one thread per core, two on the CI machine. A test that blocks a
/// pool thread for the life of a child process leaves every other suite of the parallel run one thread
/// (or none), and time-bound tests elsewhere then miss their deadlines: that is how the PostgreSQL
/// transport's contract cases failed in full runs (thread dumps showed both pool threads in
/// `readDataToEndOfFile` of CLI and worker processes). Blocking waits belong here, never on the pool.
public func offThePool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread.detachNewThread { continuation.resume(with: Result { try body() }) }
    }
}

/// `offThePool(_:)` for a body that cannot throw.
public func offThePool<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
        Thread.detachNewThread { continuation.resume(returning: body()) }
    }
}

/// A `Process` handed to `offThePool(_:)`: Foundation's `Process` is not `Sendable`, but waiting for it
/// and reading its status from another thread is what it is made for.
public struct ProcessHandle: @unchecked Sendable {
    public let process: Process

    public init(_ process: Process) {
        self.process = process
    }

    /// Waits for the process to exit without blocking a pool thread; its termination status.
    ///
    /// A process still running after `limit` is killed (SIGKILL) and the status is then `Self.killedStatus`:
    /// an executable that never exits fails the test that waits for it (whose expectation names the status)
    /// instead of hanging the whole run.
    @discardableResult
    public func waitForExit(killingAfter limit: Duration = .seconds(120)) async -> Int32 {
        let pid = process.processIdentifier
        let exited = DispatchSemaphore(value: 0)
        let killed = KillRecord()
        // The watchdog thread kills the process if it outlives the limit; the wait below then ends.
        Thread.detachNewThread {
            if exited.wait(timeout: .now() + .milliseconds(Int(limit.components.seconds * 1_000))) == .timedOut {
                killed.mark()
                kill(pid, SIGKILL)
            }
        }
        // Not `waitUntilExit()`: on Linux it spins a run loop at 100 % of a core until the child exits,
        // half of a 2-core CI machine for every test waiting on a child. The termination handler costs nothing.
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let resume = ResumeOnce(continuation)
            process.terminationHandler = { _ in resume() }
            // A child that exited before the handler was set never calls it.
            if !process.isRunning { resume() }
        }
        exited.signal()
        return killed.happened ? Self.killedStatus : process.terminationStatus
    }

    /// The status `waitForExit(killingAfter:)` returns for a process it had to kill.
    public static let killedStatus: Int32 = -9
}

/// Whether a watchdog killed the process it watched (set on the watchdog's thread, read on the waiter's).
private final class KillRecord: Sendable {
    private let killed = Mutex(false)
    func mark() { killed.withLock { $0 = true } }
    var happened: Bool { killed.withLock { $0 } }
}

/// Resumes a continuation the first time it is called; later calls do nothing (the termination handler
/// and the "already exited" check may both fire).
private final class ResumeOnce: Sendable {
    private let continuation: Mutex<CheckedContinuation<Void, Never>?>
    init(_ continuation: CheckedContinuation<Void, Never>) { self.continuation = Mutex(continuation) }
    func callAsFunction() {
        continuation.withLock { pending in
            pending?.resume()
            pending = nil
        }
    }
}
