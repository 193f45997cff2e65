import Domain
import Foundation

/// The contract's canonical events: every kind, every optional field both set and unset, and a payload
/// naming the publisher and position, so a delivered event can be matched to the call that published it.
enum TransportFixtures {
    /// 2026-01-01T00:00:00Z: the fixture's events happen one millisecond apart from here.
    static let start: Int64 = 1_767_225_600_000

    static let organization = OrganizationID(fixedID(1))
    static let ticket = TicketID(fixedID(2))
    static let department = DepartmentID(fixedID(3))
    static let agent = UserID(fixedID(4))

    /// Event `index` of `publisher`; the same arguments always give the same event.
    static func event(_ index: Int, publisher: Int = 0) -> DomainEvent {
        let kinds = DomainEvent.Kind.allCases
        return DomainEvent(
            kind: kinds[index % kinds.count],
            organizationID: organization,
            ticketID: index % 2 == 0 ? ticket : nil,
            departmentID: index % 3 == 0 ? department : nil,
            agentID: index % 5 == 0 ? agent : nil,
            staffOnly: index % 4 == 0,
            data: ["publisher": String(publisher), "index": String(index), "text": "Ünïcode \"quoted\" \\ line\nbreak"],
            at: Date(millisecondsSince1970: start + Int64(index))
        )
    }

    /// Events `range` of `publisher`, in order.
    static func events(_ range: Range<Int>, publisher: Int = 0) -> [DomainEvent] {
        range.map { event($0, publisher: publisher) }
    }

    /// A fixed, valid version-7 id (ids are opaque to the transport; they only have to survive delivery).
    private static func fixedID(_ number: UInt64) -> UUID {
        UUIDv7.make(milliseconds: UInt64(start), sequence: 0, random: number)
    }
}
