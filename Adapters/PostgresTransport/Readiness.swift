import Synchronization

/// A gate that opens once (the transport's table exists and its listener listens) or fails for good
/// (`run()` ended): waiters are resumed either way.
final class Readiness: Sendable {
    private enum State {
        case waiting([CheckedContinuation<Void, any Error>])
        case open
        case failed
    }

    private let state = Mutex(State.waiting([]))

    func wait() async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            let outcome: Result<Void, any Error>? = state.withLock { state in
                switch state {
                case .waiting(let waiters):
                    state = .waiting(waiters + [continuation])
                    return nil
                case .open: return .success(())
                case .failed: return .failure(PostgresTransportError.notRunning)
                }
            }
            if let outcome { continuation.resume(with: outcome) }
        }
    }

    func open() { settle(.open, with: .success(())) }

    func fail() { settle(.failed, with: .failure(PostgresTransportError.notRunning)) }

    private func settle(_ final: State, with result: Result<Void, any Error>) {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, any Error>] in
            guard case .waiting(let waiters) = state else { return [] }
            state = final
            return waiters
        }
        for waiter in waiters { waiter.resume(with: result) }
    }
}
