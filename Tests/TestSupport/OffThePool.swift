import Foundation

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
    @discardableResult
    public func waitForExit() async -> Int32 {
        await offThePool { [process] in
            process.waitUntilExit()
            return process.terminationStatus
        }
    }
}
