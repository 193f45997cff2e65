import Domain
import Foundation
@testable import InProcessTransport
import Testing

/// The ring's arithmetic, against the obvious model: every event ever published, filtered.
@Suite struct EventRingTests {
    static func event(_ index: Int) -> DomainEvent {
        DomainEvent(
            kind: .queueUpdated, organizationID: OrganizationID(UUIDv7.make(milliseconds: 1, sequence: 0, random: 1)),
            data: ["index": String(index)], at: Date(millisecondsSince1970: 1_767_225_600_000))
    }

    @Test(arguments: [1, 2, 3, 7])
    func `events(after:) matches the latest capacity events of the full history, before and after wrapping`(capacity: Int) {
        var ring = EventRing(capacity: capacity)
        var history: [PublishedEvent] = []
        // Appends of varied sizes, including none, wrap the ring several times.
        for (round, size) in [0, 1, 2, 3, 1, 5, 0, 8, 2, 13].enumerated() {
            let appended = ring.append((0..<size).map { Self.event(round * 100 + $0) })
            #expect(appended.map(\.sequence) == (0..<size).map { Int64(history.count + 1 + $0) }, "append(\(size) events) in round \(round) numbers consecutively")
            history += appended
            let retained = Array(history.suffix(capacity))
            for sequence in Int64(-1)...Int64(history.count + 2) {
                let expected = retained.filter { $0.sequence > sequence }
                #expect(ring.events(after: sequence) == expected, "capacity \(capacity), round \(round): events(after: \(sequence))")
            }
        }
        #expect(ring.lastSequence == Int64(history.count), "lastSequence after \(history.count) events")
    }
}
