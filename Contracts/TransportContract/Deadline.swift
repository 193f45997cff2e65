import Synchronization

/// Runs `body` and returns its result, or fails once `limit` has passed, whether or not `body` reacts
/// to cancellation: a transport that hangs makes the case fail with `operation` named, not the run hang.
func within<T: Sendable>(
    _ operation: String, limit: Duration = TransportContract.timeout,
    _ body: @escaping @Sendable () async throws -> T
) async throws -> T {
    let outcome = FirstOutcome<T>()
    let work = Task {
        do { outcome.deliver(.success(try await body())) } catch { outcome.deliver(.failure(error)) }
    }
    let timer = Task {
        do { try await Task.sleep(for: limit) } catch { return }
        outcome.deliver(.failure(TransportContractFailure(description: "\(operation) did not complete within \(limit)")))
    }
    defer {
        work.cancel()
        timer.cancel()
    }
    return try await withTaskCancellationHandler {
        try await withCheckedThrowingContinuation { outcome.wait(with: $0) }
    } onCancel: {
        outcome.deliver(.failure(CancellationError()))
    }
}

/// The first of several racing outcomes, handed to one waiting continuation; later ones are ignored.
private final class FirstOutcome<T: Sendable>: Sendable {
    private struct State {
        var result: Result<T, any Error>?
        var waiter: CheckedContinuation<T, any Error>?
    }

    private let state = Mutex(State())

    func deliver(_ result: Result<T, any Error>) {
        let waiter = state.withLock { state -> CheckedContinuation<T, any Error>? in
            guard state.result == nil else { return nil }
            state.result = result
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume(with: result)
    }

    func wait(with continuation: CheckedContinuation<T, any Error>) {
        let ready = state.withLock { state -> Result<T, any Error>? in
            if state.result == nil { state.waiter = continuation }
            return state.result
        }
        if let ready { continuation.resume(with: ready) }
    }
}
