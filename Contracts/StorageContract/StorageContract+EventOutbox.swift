import Domain
import Foundation
import Testing

extension StorageContract {
    /// The committed event outbox: events exist only for units that committed, are claimed in id order
    /// by one relay at a time, and leave the outbox when removed.
    static let eventOutboxCases: [StorageContractCase] = [
        StorageContractCase("event outbox: recorded events are claimed oldest first with increasing ids, only if their unit committed") { storage, _ in
            let fixture = StorageFixture.canonical
            try await fixture.seed(into: storage)
            let none = try await storage.claimRecordedEvents(holder: "r1", now: jobNow, leaseSeconds: 30, limit: 10)
            #expect(none.isEmpty, "claimRecordedEvents on an empty outbox should return nothing, returned \(none.count)")

            let events = (0..<5).map { outboxEvent($0, fixture.first.organization.id) }
            var first = UnitOfWork()
            first.record(Array(events[0..<2]))
            _ = try await storage.commit(first)
            // A unit that fails (an update of an absent ticket) records nothing.
            var failing = UnitOfWork()
            failing.record([outboxEvent(99, fixture.first.organization.id)])
            failing.append(.updateTicket(fixture.first.tickets[0], expectedVersion: 999))
            await expectStorageError(.versionConflict, "commit(recordEvent, updateTicket(stale version))") {
                try await storage.commit(failing)
            }
            var second = UnitOfWork()
            second.record(Array(events[2..<5]))
            _ = try await storage.commit(second)

            let claimed = try await storage.claimRecordedEvents(holder: "r1", now: jobNow, leaseSeconds: 30, limit: 10)
            #expect(claimed.map(\.event) == events, "claimRecordedEvents should return the 5 committed events in record order and not the failed unit's: got indexes \(claimed.map { $0.event.data["index"] ?? "?" })")
            let increasing = zip(claimed, claimed.dropFirst()).allSatisfy { $0.id < $1.id }
            #expect(increasing, "claimRecordedEvents ids should increase in record order, got \(claimed.map(\.id))")
        },
        StorageContractCase("event outbox: one holder at a time; the holder re-claims its own; removal frees the outbox; leases expire") { storage, _ in
            let fixture = StorageFixture.canonical
            try await fixture.seed(into: storage)
            let org = fixture.first.organization.id
            var unit = UnitOfWork()
            unit.record((0..<3).map { outboxEvent($0, org) })
            _ = try await storage.commit(unit)

            let taken = try await storage.claimRecordedEvents(holder: "r1", now: jobNow, leaseSeconds: 30, limit: 2)
            #expect(taken.map { $0.event.data["index"] } == ["0", "1"], "claimRecordedEvents(limit: 2) should take the 2 oldest events")
            let other = try await storage.claimRecordedEvents(holder: "r2", now: jobNow, leaseSeconds: 30, limit: 10)
            #expect(other.isEmpty, "claimRecordedEvents by r2 while r1's lease is valid should return nothing, returned \(other.count)")
            let again = try await storage.claimRecordedEvents(holder: "r1", now: jobNow, leaseSeconds: 30, limit: 10)
            #expect(again.prefix(2).map(\.id) == taken.map(\.id), "r1 re-claiming should get its leased events again first, got \(again.map(\.id)) after \(taken.map(\.id))")
            #expect(again.count == 3, "r1 re-claiming with limit 10 should get all 3 events, got \(again.count)")

            _ = try await storage.commit(UnitOfWork([.removeRelayedEvents(taken.map(\.id))]))
            // Removing ids that are gone is not an error (a retried or duplicate removal).
            _ = try await storage.commit(UnitOfWork([.removeRelayedEvents(taken.map(\.id) + [999_999])]))
            let stillHeld = try await storage.claimRecordedEvents(holder: "r2", now: jobNow.addingTimeInterval(29), leaseSeconds: 30, limit: 10)
            #expect(stillHeld.isEmpty, "claimRecordedEvents by r2 while r1 still holds the third event should return nothing")
            let expired = try await storage.claimRecordedEvents(holder: "r2", now: jobNow.addingTimeInterval(30), leaseSeconds: 30, limit: 10)
            #expect(expired.map { $0.event.data["index"] } == ["2"], "claimRecordedEvents by r2 once r1's lease expired should take the remaining event, got \(expired.map { $0.event.data["index"] ?? "?" })")
            _ = try await storage.commit(UnitOfWork([.removeRelayedEvents(expired.map(\.id))]))
            let empty = try await storage.claimRecordedEvents(holder: "r1", now: jobNow.addingTimeInterval(60), leaseSeconds: 30, limit: 10)
            #expect(empty.isEmpty, "claimRecordedEvents after every event was removed should return nothing, returned \(empty.count)")

            var later = UnitOfWork()
            later.record([outboxEvent(3, org)])
            _ = try await storage.commit(later)
            let next = try await storage.claimRecordedEvents(holder: "r1", now: jobNow.addingTimeInterval(60), leaseSeconds: 30, limit: 10)
            #expect(next.count == 1 && next[0].id > (expired.last?.id ?? 0), "an event recorded after removals should get a higher id than every earlier one, got \(next.map(\.id))")
        },
    ]

    /// Event `index` of the outbox cases: every field set, a payload naming the index, a millisecond time.
    static func outboxEvent(_ index: Int, _ organization: OrganizationID) -> DomainEvent {
        DomainEvent(
            kind: DomainEvent.Kind.allCases[index % DomainEvent.Kind.allCases.count], organizationID: organization,
            ticketID: FixtureID.make(6_200, index), departmentID: index % 2 == 0 ? FixtureID.make(6_201, 0) : nil,
            agentID: index % 3 == 0 ? FixtureID.make(6_202, 0) : nil, staffOnly: index % 2 == 1,
            data: ["index": String(index), "text": "Ünïcode \"quoted\""], at: jobTime(index))
    }
}
