import Domain
import Synchronization

/// Reads one subscription in its own task, like a WebSocket connection would, and lets a case await
/// what arrived (with a deadline) instead of sleeping.
final class SubscriptionRecorder: Sendable {
    private let log: ReceivedEvents
    private let reader: Task<Void, Never>
    /// Names the subscription in failure messages.
    let name: String

    init(_ stream: AsyncStream<PublishedEvent>, name: String) {
        self.name = name
        let log = ReceivedEvents()
        self.log = log
        reader = Task {
            for await event in stream { log.append(event) }
            log.finish()
        }
    }

    /// Subscribes to `transport` and starts reading at once.
    static func subscribe(to transport: any Transport, name: String) async throws -> SubscriptionRecorder {
        let stream = try await within("subscribe() for \(name)") { await transport.subscribe() }
        return SubscriptionRecorder(stream, name: name)
    }

    /// Everything received so far.
    var received: [PublishedEvent] { log.snapshot.events }

    /// Waits until `count` events have arrived and returns the first `count`. Fails if the stream ends
    /// earlier or the deadline passes.
    func first(_ count: Int, after operation: String) async throws -> [PublishedEvent] {
        let events = try await within("\(name) receiving \(count) events after \(operation)") { [log] in
            try await log.wait(untilCount: count).events
        }
        guard events.count >= count else {
            throw TransportContractFailure(
                description: "\(name)'s stream ended after \(events.count) events; expected \(count) after \(operation)")
        }
        return Array(events.prefix(count))
    }

    /// Waits until the stream has ended and returns everything it delivered. Fails if the deadline passes.
    func end(after operation: String) async throws -> [PublishedEvent] {
        try await within("\(name)'s stream ending after \(operation)") { [log] in
            try await log.wait(untilCount: nil).events
        }
    }

    /// Cancels the reading task, as a closed connection would, and waits until it has stopped.
    func cancel() async throws {
        reader.cancel()
        try await within("\(name)'s reading task stopping after cancel()") { [reader] in await reader.value }
    }
}

/// The events one subscription delivered, and tasks waiting for more, behind one lock.
private final class ReceivedEvents: Sendable {
    struct Snapshot: Sendable {
        var events: [PublishedEvent] = []
        var ended = false
    }

    private struct Waiter {
        let id: Int
        /// Resume once this many events arrived (nil: only when the stream ends).
        let count: Int?
        let continuation: CheckedContinuation<Snapshot, any Error>
    }

    private struct State {
        var snapshot = Snapshot()
        var waiters: [Waiter] = []
        var nextWaiterID = 0
    }

    private let state = Mutex(State())

    var snapshot: Snapshot { state.withLock { $0.snapshot } }

    func append(_ event: PublishedEvent) {
        update { $0.events.append(event) }
    }

    func finish() {
        update { $0.ended = true }
    }

    /// Returns as soon as `count` events arrived (or, for nil, the stream ended), or the stream ended.
    func wait(untilCount count: Int?) async throws -> Snapshot {
        let id = state.withLock { state in
            defer { state.nextWaiterID += 1 }
            return state.nextWaiterID
        }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let outcome = state.withLock { state -> Result<Snapshot, any Error>? in
                    if Self.isSatisfied(count, by: state.snapshot) { return .success(state.snapshot) }
                    // Cancelled before registering: the cancellation handler found nothing to resume.
                    if Task.isCancelled { return .failure(CancellationError()) }
                    state.waiters.append(Waiter(id: id, count: count, continuation: continuation))
                    return nil
                }
                if let outcome { continuation.resume(with: outcome) }
            }
        } onCancel: {
            let waiter = state.withLock { state -> Waiter? in
                guard let index = state.waiters.firstIndex(where: { $0.id == id }) else { return nil }
                return state.waiters.remove(at: index)
            }
            waiter?.continuation.resume(throwing: CancellationError())
        }
    }

    private static func isSatisfied(_ count: Int?, by snapshot: Snapshot) -> Bool {
        if snapshot.ended { return true }
        guard let count else { return false }
        return snapshot.events.count >= count
    }

    private func update(_ change: (inout Snapshot) -> Void) {
        let (ready, snapshot) = state.withLock { state -> ([Waiter], Snapshot) in
            change(&state.snapshot)
            let snapshot = state.snapshot
            let ready = state.waiters.filter { Self.isSatisfied($0.count, by: snapshot) }
            state.waiters.removeAll { Self.isSatisfied($0.count, by: snapshot) }
            return (ready, snapshot)
        }
        for waiter in ready { waiter.continuation.resume(returning: snapshot) }
    }
}
