import Domain

/// The transport's numbering and its replay memory: hands out consecutive sequence numbers from 1
/// and keeps the latest `capacity` numbered events, forgetting the oldest first.
struct EventRing: Sendable {
    let capacity: Int
    /// The sequence number of the latest event (0 before the first).
    private(set) var lastSequence: Int64 = 0
    /// The retained events; once full, `oldest` is where the ring starts and the next event goes.
    private var slots: [PublishedEvent] = []
    private var oldest = 0

    init(capacity: Int) {
        precondition(capacity > 0, "the retention must hold at least one event")
        self.capacity = capacity
        slots.reserveCapacity(min(capacity, 4_096))
    }

    /// Numbers `events` in order, retains them, and returns them as numbered.
    mutating func append(_ events: [DomainEvent]) -> [PublishedEvent] {
        events.map { event in
            lastSequence += 1
            let published = PublishedEvent(sequence: lastSequence, event: event)
            if slots.count < capacity {
                slots.append(published)
            } else {
                slots[oldest] = published
                oldest = (oldest + 1) % capacity
            }
            return published
        }
    }

    /// Retained events numbered after `sequence`, oldest first (all retained ones when `sequence` is
    /// older than the oldest retained event).
    func events(after sequence: Int64) -> [PublishedEvent] {
        // Retained numbers are consecutive, so the position of `sequence + 1` is computed, not searched.
        let firstRetained = lastSequence - Int64(slots.count) + 1
        let skip = Int(max(0, min(Int64(slots.count), sequence - firstRetained + 1)))
        return (skip..<slots.count).map { slots[(oldest + $0) % slots.count] }
    }
}
