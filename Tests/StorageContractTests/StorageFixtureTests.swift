import Domain
import Foundation
import StorageContract
import Testing

/// The canonical dataset has the properties the cases rely on.
@Suite("The storage contract's fixture")
struct StorageFixtureTests {
    let fixture = StorageFixture.canonical

    /// Every instant a ticket carries, nested ones included.
    private func instants(of ticket: Ticket) -> [Date] {
        let optional: [Date?] = [ticket.firstResponseAt, ticket.closedAt, ticket.resolution?.resolvedAt, ticket.rating?.ratedAt]
        var dates = [ticket.createdAt, ticket.updatedAt] + optional.compactMap { $0 }
        dates += ticket.escalations.map(\.at)
        for value in ticket.customFields.values { if case .date(let date) = value { dates.append(date) } }
        return dates
    }

    @Test("every instant survives a round trip through whole milliseconds")
    func instantsAreWholeMilliseconds() {
        for tenant in fixture.tenants {
            var dates = [tenant.organization.createdAt]
            dates += tenant.users.flatMap { [$0.createdAt, $0.updatedAt] }
            dates += tenant.departments.flatMap { [$0.createdAt, $0.updatedAt] }
            dates += tenant.agentProfiles.flatMap { [$0.createdAt, $0.updatedAt] }
            dates += tenant.tickets.flatMap(instants(of:))
            dates += tenant.messages.map(\.createdAt) + tenant.auditEvents.map(\.at)
            for date in dates {
                #expect(Date(millisecondsSince1970: date.millisecondsSince1970) == date, "\(tenant.organization.slug): \(date.timeIntervalSince1970) should be a whole millisecond")
            }
        }
    }

    @Test("ids are unique across the whole dataset")
    func idsAreUnique() {
        var ids: [UUID] = []
        for tenant in fixture.tenants {
            ids.append(tenant.organization.id.uuid)
            ids += tenant.users.map(\.id.uuid)
            ids += tenant.departments.map(\.id.uuid)
            ids += tenant.tickets.map(\.id.uuid)
            ids += tenant.messages.map(\.id.uuid)
            ids += tenant.auditEvents.map(\.id.uuid)
        }
        #expect(Set(ids).count == ids.count, "fixture ids should be unique")
    }

    @Test("the full ticket has every optional field set")
    func fullTicketIsFull() {
        for tenant in fixture.tenants {
            let t = tenant.fullTicket
            #expect(t.contact.email != nil && t.contact.phone != nil, "contact")
            #expect(!t.tags.isEmpty && !t.references.isEmpty && !t.attachmentIDs.isEmpty && !t.requiredSkills.isEmpty, "collections")
            #expect(Set(t.customFields.values.map { "\($0)".prefix(4) }).count == 5, "one custom field of each kind")
            #expect(t.journeyAnswers != nil && t.assigneeID != nil && t.departmentID != nil && t.language != nil, "optional references")
            #expect(!t.participantIDs.isEmpty && t.escalations.count > 1 && t.resolution != nil && t.rating != nil, "history")
            #expect(t.mergedIntoID != nil && !t.linkedTicketIDs.isEmpty && t.firstResponseAt != nil && t.closedAt != nil && t.reopenCount > 0, "life cycle")
            #expect(t.rating.map { $0.feedback != nil && $0.nps != nil && $0.resolvedIssue != nil && $0.agentRating != nil && $0.responseTimeRating != nil && $0.communicationRating != nil } == true, "rating")
            #expect(t.number == TicketNumber(tenant.tickets.count), "numbered last")
        }
    }

    @Test("the data exercises what the cases check")
    func dataIsVaried() {
        let a = fixture.first, b = fixture.second
        #expect(Set(a.users.map(\.role)) == Set(Role.allCases), "users of every role")
        #expect(a.customer.email == b.customer.email, "one email in both organizations")
        #expect(a.departments.map(\.name) == b.departments.map(\.name), "department names shared across organizations")
        #expect(Set(a.tickets.map(\.status)) == Set(TicketStatus.allCases), "every status")
        #expect(Set(a.tickets.map(\.priority)) == Set(Priority.allCases), "every priority")
        #expect(Set(a.tickets.map(\.channel)) == Set(Channel.allCases), "every channel")
        #expect(a.tickets.contains { $0.assigneeID == nil } && a.tickets.contains { $0.departmentID == nil }, "unassigned and department-less tickets")
        #expect(Set(a.tickets.map(\.createdAt)).count < a.tickets.count, "ties on createdAt")
        #expect(a.tickets.map(\.id) != a.tickets.map(\.id).sorted(), "ids not in insertion order")
        #expect(a.messages.contains { $0.isInternal }, "internal notes")
        #expect(!a.idempotencyRecords.isEmpty && !b.idempotencyRecords.isEmpty, "idempotency records")
        let history = a.auditEvents.filter { $0.ticketID == a.fullTicket.id }
        #expect(history.map(\.id) != history.map(\.id).sorted(), "audit commit order is not id order")
    }
}
