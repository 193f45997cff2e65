import Domain
import Foundation

extension StorageFixture.Tenant {
    /// A ticket whose fields vary with `index` so that every filter value, sort key tie and scope rule
    /// is represented. Ids are scrambled (id order ≠ insertion order), creation times come in groups of
    /// three (ties broken by id), and the last ticket has every optional field set.
    static func makeTicket(
        index i: Int, count: Int, space: UInt64, organizationID: OrganizationID, staff: [UserID], customers: [User],
        departments: [DepartmentID]
    ) -> Ticket {
        let customer = customers[i % 3 == 2 ? 1 : 0]
        let created = FixtureTime.at(minutes: (i / 3) * 10, milliseconds: 123)
        let assignees: [UserID?] = [nil, staff[0], staff[1], nil, staff[2]]
        let departmentChoices: [DepartmentID?] = [departments[0], departments[1], nil]
        var participants: Set<UserID> = []
        if i % 6 == 0 { participants.insert(staff[0]) }
        if i % 7 == 3 { participants.insert(staff[1]) }
        let tagChoices: [[String]] = [["vip", "refund"], ["VIP"], [], ["late-arrival"]]
        var ticket = Ticket(
            id: FixtureID.scrambled(space + 3, i), organizationID: organizationID, number: TicketNumber(i + 1),
            customerID: customer.id,
            contact: Contact(name: customer.name, email: i % 2 == 0 ? customer.email : nil, phone: i % 4 == 0 ? "+1 555 01\(i)" : nil),
            subject: "Ticket \(i): booking \(i % 2 == 0 ? "changed" : "lost")",
            description: "Description of ticket \(i) with ünïcödé, \"quotes\" and 'apostrophes'; DROP TABLE tickets;--",
            channel: Channel.allCases[i % Channel.allCases.count],
            category: ["account", "booking", "payment", "technical"][i % 4],
            priority: Priority.allCases[(i * 3) % Priority.allCases.count],
            status: TicketStatus.allCases[i % TicketStatus.allCases.count],
            tags: tagChoices[i % tagChoices.count],
            customFields: i % 2 == 0 ? ["orderValue": .number(Double(i) + 0.25)] : [:],
            assigneeID: assignees[i % assignees.count],
            departmentID: departmentChoices[i % departmentChoices.count],
            tier: 1 + i % 3,
            participantIDs: participants,
            createdAt: created,
            updatedAt: FixtureTime.at(minutes: (i / 3) * 10 + (i * 7 % 4) * 45, milliseconds: 456),
            version: 1 + i % 3
        )
        if i == count - 1 { fillEveryField(of: &ticket, space: space, staff: staff, departments: departments) }
        return ticket
    }

    /// Sets every optional field, with every kind of custom-field value.
    static func fillEveryField(of ticket: inout Ticket, space: UInt64, staff: [UserID], departments: [DepartmentID]) {
        let t0 = ticket.createdAt
        func later(_ minutes: Int, _ ms: Int) -> Date { Date(millisecondsSince1970: t0.millisecondsSince1970 + Int64(minutes) * 60_000 + Int64(ms)) }
        ticket.contact = Contact(name: "Alex on the phone", email: EmailAddress("alex.contact@example.com"), phone: "+1 555 0199")
        ticket.channel = .phone
        ticket.category = "payment"
        ticket.priority = .urgent
        ticket.status = .closed
        ticket.tags = Ticket.normalizedTags(["VIP", " refund ", "chargeback"])
        ticket.customFields = [
            "orderValue": .number(1234.5),
            "orderNote": .text("gift — wrapped"),
            "expedite": .bool(true),
            "travelDate": .date(later(60 * 24 * 30, 250)),
            "rooms": .list(["101", "102"]),
        ]
        ticket.references = [
            ExternalReference(kind: "order", value: "ORD-77", url: "https://shop.example.com/orders/77"),
            ExternalReference(kind: "transaction", value: "TX-9", url: nil),
        ]
        ticket.journeyAnswers = JourneyAnswers(
            journeyID: "general-support", journeyVersion: 3,
            answers: ["issue": .text("refund"), "photos": .list(["f1", "f2"]), "urgent": .bool(false), "amount": .number(19.99)]
        )
        ticket.attachmentIDs = [FixtureID.make(space + 6, 1), FixtureID.make(space + 6, 0)]
        ticket.assigneeID = staff[1]
        ticket.departmentID = departments[1]
        ticket.tier = 3
        ticket.requiredSkills = ["refunds", "payment"]
        ticket.language = "de"
        ticket.participantIDs = [staff[0], staff[1], staff[2]]
        ticket.escalations = [
            Escalation(level: 1, toAgentID: nil, toDepartmentID: departments[1], reason: "needs billing", escalatedBy: staff[0], at: later(30, 1)),
            Escalation(level: 2, toAgentID: staff[1], toDepartmentID: nil, reason: "SLA breached", escalatedBy: nil, at: later(90, 2)),
        ]
        ticket.resolution = Resolution(kind: .workaround, summary: "Refunded manually", notes: "Bank was down", resolvedBy: staff[1], resolvedAt: later(200, 3))
        ticket.rating = CustomerRating(
            rating: 4, feedback: "Quick, thanks", nps: 9, resolvedIssue: true, agentRating: 5, responseTimeRating: 3,
            communicationRating: 4, ratedAt: later(260, 4)
        )
        ticket.firstResponseAt = later(5, 5)
        ticket.closedAt = later(300, 6)
        ticket.reopenCount = 2
        ticket.updatedAt = later(301, 7)
        ticket.version = 9
    }
}
