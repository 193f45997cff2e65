import Domain
import Foundation
import Testing

extension StorageContract {
    /// SLA configuration (replaced whole, kept in order, per organization) and per-ticket SLA records
    /// (version-guarded saves, the due-time scan the SLA worker relies on, the period read of compliance).
    static let slaCases: [StorageContractCase] = [
        StorageContractCase("sla: policies and business hours are replaced whole, kept in order, per organization") { storage, _ in
            let fixture = StorageFixture.canonical
            try await fixture.seed(into: storage)
            let a = fixture.first, b = fixture.second
            #expect(try await storage.slaPolicies(in: a.organization.id).isEmpty, "slaPolicies of an organization that stored none should be empty")
            #expect(try await storage.businessHours(in: a.organization.id).isEmpty, "businessHours of an organization that stored none should be empty")
            let hours = [
                BusinessHours(id: FixtureID.make(7_000, 0), organizationID: a.organization.id, name: "Berlin office",
                              definition: .officeHours(timeZone: "Europe/Berlin", holidays: [Holiday(date: LocalDate(year: 2026, month: 12, day: 24), name: "Eve", openSlots: [TimeSlot(from: (9, 0), to: (12, 0))])])),
                BusinessHours(id: FixtureID.make(7_000, 1), organizationID: a.organization.id, name: "Night desk",
                              definition: BusinessCalendarDefinition(timeZone: "America/New_York", weeklySlots: [WeeklySlot(weekday: 7, startMinute: 1_320, endMinute: 1_440)])),
            ]
            // Listed in an order that is neither by id nor by name: the stored order is the given one.
            let policies = [
                SLAPolicy(id: FixtureID.make(7_001, 2), organizationID: a.organization.id, name: "Billing, office hours",
                          conditions: SLAConditions(categories: ["billing", "payment"], departmentIDs: [a.billing.id]), businessHoursID: hours[0].id,
                          escalation: SLAEscalation(toDepartmentID: a.generalSupport.id)),
                SLAPolicy(id: FixtureID.make(7_001, 0), organizationID: a.organization.id, name: "Everyone",
                          targets: SLATargets(low: .init(firstResponseSeconds: 1, resolutionSeconds: 2), medium: .init(firstResponseSeconds: 3, resolutionSeconds: 4),
                                              high: .init(firstResponseSeconds: 5, resolutionSeconds: 6), urgent: .init(firstResponseSeconds: 7, resolutionSeconds: 8)),
                          escalation: SLAEscalation()),
            ]
            _ = try await storage.commit(UnitOfWork([.replaceBusinessHours(a.organization.id, hours), .replaceSLAPolicies(a.organization.id, policies)]))
            #expect(try await storage.businessHours(in: a.organization.id) == hours, "businessHours should read back as replaced, in order")
            #expect(try await storage.slaPolicies(in: a.organization.id) == policies, "slaPolicies should read back as replaced, in order")
            #expect(try await storage.slaPolicies(in: b.organization.id).isEmpty, "slaPolicies of the other organization should stay empty")

            let otherPolicy = SLAPolicy(id: FixtureID.make(7_001, 2), organizationID: b.organization.id, name: "Same id, other organization")
            _ = try await storage.commit(UnitOfWork([.replaceSLAPolicies(b.organization.id, [otherPolicy])]))
            #expect(try await storage.slaPolicies(in: b.organization.id) == [otherPolicy], "a policy id used in another organization is that organization's own")

            _ = try await storage.commit(UnitOfWork([.replaceSLAPolicies(a.organization.id, [policies[1]]), .replaceBusinessHours(a.organization.id, [])]))
            #expect(try await storage.slaPolicies(in: a.organization.id) == [policies[1]], "slaPolicies after a replace with one policy should hold only it")
            #expect(try await storage.businessHours(in: a.organization.id).isEmpty, "businessHours after a replace with none should be empty")
            #expect(try await storage.slaPolicies(in: b.organization.id) == [otherPolicy], "replacing one organization's list leaves the other's")

            await expectStorageError(.missing, "commit(replaceSLAPolicies(organization: absent))") {
                try await storage.commit(UnitOfWork([.replaceSLAPolicies(FixtureID.make(7_002, 0), [])]))
            }
        },
        StorageContractCase("sla: a ticket's record round-trips; saves are version-guarded; a second insert is a duplicate") { storage, _ in
            let fixture = StorageFixture.canonical
            try await fixture.seed(into: storage)
            let a = fixture.first, b = fixture.second
            let ticket = a.fullTicket
            #expect(try await storage.ticketSLA(ticket: ticket.id, in: a.organization.id) == nil, "ticketSLA of a ticket without a record should be nil")
            let record = slaRecord(for: ticket, next: slaTime(60), version: 1)
            _ = try await storage.commit(UnitOfWork([.saveTicketSLA(record, expectedVersion: nil)]))
            #expect(try await storage.ticketSLA(ticket: ticket.id, in: a.organization.id) == record, "ticketSLA should read back the record as saved")
            #expect(try await storage.ticketSLA(ticket: ticket.id, in: b.organization.id) == nil, "ticketSLA asked in the other organization should be nil")

            await expectStorageError(.duplicate(.primaryKey), "commit(saveTicketSLA(new, for a ticket that has one))") {
                try await storage.commit(UnitOfWork([.saveTicketSLA(record, expectedVersion: nil)]))
            }
            var next = record
            next.version = 2
            next.nextCheckAt = nil
            next.reported = [SLACrossing(metric: .firstResponse, kind: .warning, at: slaTime(30))]
            next.timeline.statusChanges.append(.init(at: slaTime(40), .waitingCustomer))
            _ = try await storage.commit(UnitOfWork([.saveTicketSLA(next, expectedVersion: 1)]))
            #expect(try await storage.ticketSLA(ticket: ticket.id, in: a.organization.id) == next, "ticketSLA should read back the update")

            // The guard that makes two SLA sweeps report a crossing once: the second save over version 1 fails.
            var stale = record
            stale.version = 2
            stale.reported = [SLACrossing(metric: .firstResponse, kind: .breached, at: slaTime(61))]
            await expectStorageError(.versionConflict, "commit(saveTicketSLA(expectedVersion: stale))") {
                try await storage.commit(UnitOfWork([.saveTicketSLA(stale, expectedVersion: 1)]))
            }
            #expect(try await storage.ticketSLA(ticket: ticket.id, in: a.organization.id) == next, "a refused save leaves the record as it was")

            let noTicket = slaRecord(for: a.newTicket(space: 7_010, index: 0), next: nil, version: 1)
            await expectStorageError(.missing, "commit(saveTicketSLA(new, ticket: absent))") {
                try await storage.commit(UnitOfWork([.saveTicketSLA(noTicket, expectedVersion: nil)]))
            }
            let otherOrganization = slaRecord(for: a.tickets[0], next: nil, version: 1, organization: b.organization.id)
            await expectStorageError(.missing, "commit(saveTicketSLA(new, ticket of another organization))") {
                try await storage.commit(UnitOfWork([.saveTicketSLA(otherOrganization, expectedVersion: nil)]))
            }
            await expectStorageError(.missing, "commit(saveTicketSLA(update, no record))") {
                try await storage.commit(UnitOfWork([.saveTicketSLA(slaRecord(for: a.tickets[1], next: nil, version: 2), expectedVersion: 1)]))
            }
        },
        StorageContractCase("sla: ticketSLAsDue returns records due by now, every organization, earliest next check then ticket id, up to the limit") { storage, _ in
            let fixture = StorageFixture.canonical
            try await fixture.seed(into: storage)
            let a = fixture.first, b = fixture.second
            let plan: [(Ticket, Date?)] = [
                (a.tickets[0], slaTime(10)), (a.tickets[1], slaTime(-5)), (b.tickets[0], slaTime(-5)), (a.tickets[2], nil),
                (b.tickets[1], slaTime(0)), (a.tickets[3], slaTime(-30)), (a.tickets[4], Date(millisecondsSince1970: slaTime(0).millisecondsSince1970 + 1)),
            ]
            _ = try await storage.commit(UnitOfWork(plan.map { .saveTicketSLA(slaRecord(for: $0.0, next: $0.1, version: 1), expectedVersion: nil) }))
            let tied = [a.tickets[1].id, b.tickets[0].id].sorted()
            let expected = [a.tickets[3].id] + tied + [b.tickets[1].id]
            let due = try await storage.ticketSLAsDue(at: slaTime(0), limit: 10).map(\.ticketID)
            #expect(due == expected, "ticketSLAsDue(at: t0) should be \(expected), got \(due)")
            let two = try await storage.ticketSLAsDue(at: slaTime(0), limit: 2).map(\.ticketID)
            #expect(two == Array(expected.prefix(2)), "ticketSLAsDue(limit: 2) should be the first two, got \(two)")
            #expect(try await storage.ticketSLAsDue(at: slaTime(-60), limit: 10).isEmpty, "ticketSLAsDue before every check should be empty")
            let later = try await storage.ticketSLAsDue(at: slaTime(3_600), limit: 10).map(\.ticketID)
            #expect(later.count == 6 && !later.contains(a.tickets[2].id), "records without a next check are never due, got \(later)")
        },
        StorageContractCase("sla: ticketSLAs(in:createdFrom:before:) returns one organization's records of tickets created in the period, in creation order") { storage, _ in
            let fixture = StorageFixture.canonical
            try await fixture.seed(into: storage)
            let a = fixture.first, b = fixture.second
            let all = a.tickets.prefix(6) + b.tickets.prefix(2)
            _ = try await storage.commit(UnitOfWork(all.map { .saveTicketSLA(slaRecord(for: $0, next: nil, version: 1), expectedVersion: nil) }))
            let sorted = a.tickets.prefix(6).sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
            let from = sorted[1].createdAt, to = sorted[4].createdAt
            let expected = sorted.filter { $0.createdAt >= from && $0.createdAt < to }.map(\.id)
            let got = try await storage.ticketSLAs(in: a.organization.id, createdFrom: from, before: to).map(\.ticketID)
            #expect(got == expected, "ticketSLAs(createdFrom: \(from), before: \(to)) should be \(expected), got \(got)")
            #expect(try await storage.ticketSLAs(in: b.organization.id, createdFrom: from, before: from).isEmpty, "an empty period has no records")
        },
    ]

    static let slaNow = Date(millisecondsSince1970: 1_800_000_000_000)

    static func slaTime(_ minutes: Int) -> Date {
        Date(millisecondsSince1970: slaNow.millisecondsSince1970 + Int64(minutes) * 60_000)
    }

    static func slaRecord(for ticket: Ticket, next: Date?, version: Int, organization: OrganizationID? = nil) -> TicketSLA {
        TicketSLA(
            ticketID: ticket.id, organizationID: organization ?? ticket.organizationID, policyID: FixtureID.make(7_020, 0),
            timeline: SLATimeline(
                createdAt: ticket.createdAt, priority: .high, priorityChanges: [.init(at: slaTime(5), .urgent)],
                statusChanges: [.init(at: slaTime(1), .assigned)], firstResponseAt: slaTime(7)
            ),
            assigneeID: ticket.assigneeID, departmentID: ticket.departmentID, firstResponseDueAt: slaTime(15),
            resolutionDueAt: slaTime(120), nextCheckAt: next, reported: [], version: version
        )
    }
}
