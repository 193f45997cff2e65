/// Wakes the event relay when a unit with recorded events committed in this process, so that events
/// reach subscribers at once instead of at the relay's next poll. Coalescing: many signals before the
/// relay looks count as one. One relay waits on it.
public final class EventRelaySignal: Sendable {
    private let stream: AsyncStream<Void>
    private let continuation: AsyncStream<Void>.Continuation

    public init() {
        (stream, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    deinit { continuation.finish() }

    /// Tells the relay that new events are committed.
    public func signal() { continuation.yield() }

    /// The wake-ups, for the one relay loop.
    public var wakeUps: AsyncStream<Void> { stream }
}
