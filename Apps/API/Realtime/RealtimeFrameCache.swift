import Domain
import NIOCore
import Synchronization

/// Event frames encoded once per event and room for every connection of this process: the frame of a
/// room carries nothing that depends on who listens (whether a connection may hear it is decided before
/// it asks), so an event of a queue room followed by 1,000 connections costs one encoding, not 1,000.
/// The bytes are shared too (a `ByteBuffer` is copied on write, and writing does not change it): no
/// connection copies the text into a buffer of its own. Keeps the latest `capacity` frames; an older one
/// is encoded again when asked for (a replay).
final class RealtimeFrameCache: Sendable {
    private struct Key: Hashable {
        let sequence: Int64
        let room: String
    }

    private struct Entry {
        /// Compared on every hit: a sequence number names one event only within one transport's history.
        let event: DomainEvent
        let bytes: ByteBuffer
    }

    private struct State {
        var entries: [Key: Entry] = [:]
        /// Insertion order, as a ring: the slot at `next` is the oldest once full.
        var order: [Key] = []
        var next = 0
    }

    private let state = Mutex(State())
    let capacity: Int

    init(capacity: Int = 1_024) {
        precondition(capacity > 0, "the frame cache holds at least one frame")
        self.capacity = capacity
    }

    /// The JSON text of `published` as an event of `room` (`RealtimeServerFrame.event`), as UTF-8 bytes.
    func bytes(for published: PublishedEvent, room: String) -> ByteBuffer {
        let key = Key(sequence: published.sequence, room: room)
        if let hit = state.withLock({ $0.entries[key] }), hit.event == published.event { return hit.bytes }
        // Encoded outside the lock; two connections missing at once both encode, and the second insert wins.
        let bytes = ByteBuffer(string: RealtimeServerFrame.event(published, room: room).json)
        let entry = Entry(event: published.event, bytes: bytes)
        state.withLock { state in
            if state.entries.updateValue(entry, forKey: key) != nil { return }
            if state.order.count < capacity {
                state.order.append(key)
            } else {
                state.entries[state.order[state.next]] = nil
                state.order[state.next] = key
                state.next = (state.next + 1) % capacity
            }
        }
        return bytes
    }

    /// Frames held now (tests).
    var count: Int { state.withLock { $0.entries.count } }
}
