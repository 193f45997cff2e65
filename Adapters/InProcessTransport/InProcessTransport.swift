import Domain

/// The transport port within one process (SPEC §7, the embedded deployment): an actor that numbers
/// events, keeps the latest ones for replay, and fans them out to subscribers.
///
/// Each subscriber has its own bounded buffer. A subscriber that falls behind by more than
/// `Configuration.subscriberBufferSize` events is dropped: its stream delivers what it buffered (a
/// prefix without gaps, so `events(after:)` with its last sequence recovers the rest) and then ends.
/// Publishing never waits for a subscriber.
public actor InProcessTransport: Transport {
    /// The buffer and retention sizes this transport was made with.
    public let configuration: Configuration
    private var ring: EventRing
    private var subscribers: [Int: AsyncStream<PublishedEvent>.Continuation] = [:]
    private var nextSubscriberID = 0

    /// A transport with no subscribers and nothing retained.
    public init(_ configuration: Configuration = Configuration()) {
        self.configuration = configuration
        ring = EventRing(capacity: configuration.retainedEventCount)
    }

    deinit {
        // A stream whose continuation is only released would never end; its reader would wait forever.
        for subscriber in subscribers.values { subscriber.finish() }
    }

    /// Numbers and retains `events`, then hands them to every subscriber without waiting for any.
    @discardableResult
    public func publish(_ events: [DomainEvent]) -> [PublishedEvent] {
        let published = ring.append(events)
        guard !published.isEmpty else { return [] }
        for (id, subscriber) in subscribers {
            delivery: for event in published {
                switch subscriber.yield(event) {
                case .enqueued:
                    continue
                case .dropped:
                    // Its buffer is full: end the stream after what it holds, so it has no gap.
                    subscriber.finish()
                    subscribers[id] = nil
                    break delivery
                case .terminated:
                    // Its reader is gone (cancelled) and the removal it scheduled has not run yet.
                    subscribers[id] = nil
                    break delivery
                @unknown default:
                    subscriber.finish()
                    subscribers[id] = nil
                    break delivery
                }
            }
        }
        return published
    }

    /// A stream of the events published from now on; it ends when its reader falls too far behind,
    /// when the reading task is cancelled, or at `finishAllSubscriptions()`.
    public func subscribe() -> AsyncStream<PublishedEvent> {
        // Oldest first: when the buffer is full the newest event is refused, so what was buffered stays a gap-free prefix.
        let (stream, continuation) = AsyncStream.makeStream(
            of: PublishedEvent.self, bufferingPolicy: .bufferingOldest(configuration.subscriberBufferSize))
        let id = nextSubscriberID
        nextSubscriberID += 1
        continuation.onTermination = { [weak self] _ in
            guard let self else { return }
            Task { await self.removeSubscriber(id) }
        }
        subscribers[id] = continuation
        return stream
    }

    /// Retained events numbered after `sequence`, oldest first; at most `Configuration.retainedEventCount`.
    public func events(after sequence: Int64) -> [PublishedEvent] {
        ring.events(after: sequence)
    }

    /// How many subscriptions are live (for tests and metrics).
    public var subscriberCount: Int { subscribers.count }

    /// Ends every live subscription (at shutdown, so that connection loops reading them finish).
    /// Later subscriptions work as usual.
    public func finishAllSubscriptions() {
        let ending = subscribers.values
        subscribers.removeAll()
        for subscriber in ending { subscriber.finish() }
    }

    private func removeSubscriber(_ id: Int) {
        subscribers[id] = nil
    }
}
