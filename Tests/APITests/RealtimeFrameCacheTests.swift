@testable import API
import Domain
import Foundation
import NIOCore
import Testing

/// Event frames are encoded once per event and room and shared by every connection: the shared bytes are
/// exactly the frame's own encoding, and a frame is never handed out for another event or room.
struct RealtimeFrameCacheTests {
    let organization = OrganizationID(UUID())

    func event(_ sequence: Int64, subject: String) -> PublishedEvent {
        PublishedEvent(sequence: sequence, event: DomainEvent(
            kind: .ticketCreated, organizationID: organization, data: ["subject": subject], at: Date(timeIntervalSince1970: 1_800_000_000)))
    }

    func text(_ cache: RealtimeFrameCache, _ published: PublishedEvent, _ room: String) -> String {
        String(buffer: cache.bytes(for: published, room: room))
    }

    @Test func `a cached frame is the frame's own encoding, per room`() {
        let cache = RealtimeFrameCache()
        let published = event(7, subject: "Printer on fire")
        for room in ["queue:a", "admin", "queue:a"] {
            #expect(text(cache, published, room) == RealtimeServerFrame.event(published, room: room).json, "bytes(for: 7, room: \(room))")
        }
        #expect(cache.count == 2, "one frame per event and room, got \(cache.count)")
    }

    @Test func `another event under the same sequence number is encoded anew`() {
        let cache = RealtimeFrameCache()
        _ = cache.bytes(for: event(1, subject: "first"), room: "admin")
        let other = event(1, subject: "second transport's first")
        #expect(text(cache, other, "admin") == RealtimeServerFrame.event(other, room: "admin").json, "bytes(for: another event numbered 1)")
    }

    @Test func `only the latest frames are kept, older ones are encoded again`() {
        let cache = RealtimeFrameCache(capacity: 3)
        for sequence in Int64(1)...10 { _ = cache.bytes(for: event(sequence, subject: "s\(sequence)"), room: "admin") }
        #expect(cache.count == 3, "a cache of capacity 3 holds 3 frames, got \(cache.count)")
        let old = event(1, subject: "s1")
        #expect(text(cache, old, "admin") == RealtimeServerFrame.event(old, room: "admin").json, "an evicted frame is encoded again")
    }
}
