import Domain
import Synchronization

/// The subscribers of one transport instance, each with a bounded buffer and the sequence number from
/// which it wants events. A subscriber whose buffer is full is finished after what it holds (a prefix
/// without gaps) and forgotten; delivering never waits for anyone.
final class SubscriberFanOut: Sendable {
    private struct Subscriber {
        let continuation: AsyncStream<PublishedEvent>.Continuation
        /// Events numbered up to here were published before it subscribed.
        let after: Int64
    }

    private struct State {
        var subscribers: [Int: Subscriber] = [:]
        var nextID = 0
    }

    private let state = Mutex(State())
    private let bufferSize: Int

    init(bufferSize: Int) { self.bufferSize = bufferSize }

    /// A stream of the events numbered after `after`, handed over by `deliver`.
    func subscribe(after: Int64) -> AsyncStream<PublishedEvent> {
        let (stream, continuation) = AsyncStream.makeStream(of: PublishedEvent.self, bufferingPolicy: .bufferingOldest(bufferSize))
        let id = state.withLock { state in
            defer { state.nextID += 1 }
            state.subscribers[state.nextID] = Subscriber(continuation: continuation, after: after)
            return state.nextID
        }
        continuation.onTermination = { [weak self] _ in
            _ = self?.state.withLock { $0.subscribers.removeValue(forKey: id) }
        }
        return stream
    }

    /// Hands `events` (in sequence order) to every subscriber that wants them.
    func deliver(_ events: [PublishedEvent]) {
        guard !events.isEmpty else { return }
        let subscribers = state.withLock { $0.subscribers }
        var dropped: [Int] = []
        for (id, subscriber) in subscribers {
            delivery: for event in events where event.sequence > subscriber.after {
                switch subscriber.continuation.yield(event) {
                case .enqueued: continue
                case .dropped, .terminated:
                    dropped.append(id)
                    break delivery
                @unknown default:
                    dropped.append(id)
                    break delivery
                }
            }
        }
        guard !dropped.isEmpty else { return }
        let ending = state.withLock { state in dropped.compactMap { state.subscribers.removeValue(forKey: $0) } }
        for subscriber in ending { subscriber.continuation.finish() }
    }

    var count: Int { state.withLock { $0.subscribers.count } }

    /// Ends every stream after what it buffered.
    func finishAll() {
        let ending = state.withLock { state in
            defer { state.subscribers.removeAll() }
            return Array(state.subscribers.values)
        }
        for subscriber in ending { subscriber.continuation.finish() }
    }
}
