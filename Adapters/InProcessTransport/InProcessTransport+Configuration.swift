extension InProcessTransport {
    /// The sizes that bound the transport's memory.
    public struct Configuration: Sendable, Equatable {
        /// How many events a subscriber may fall behind (published, not yet read) before it is dropped.
        public let subscriberBufferSize: Int
        /// How many of the latest events `events(after:)` can replay to reconnecting clients.
        public let retainedEventCount: Int

        /// - Precondition: both sizes are positive (configuration is validated where it is read).
        public init(subscriberBufferSize: Int = 512, retainedEventCount: Int = 10_000) {
            precondition(subscriberBufferSize > 0, "subscriberBufferSize must be positive, got \(subscriberBufferSize)")
            precondition(retainedEventCount > 0, "retainedEventCount must be positive, got \(retainedEventCount)")
            self.subscriberBufferSize = subscriberBufferSize
            self.retainedEventCount = retainedEventCount
        }
    }
}
