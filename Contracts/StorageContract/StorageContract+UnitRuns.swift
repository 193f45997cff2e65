import Domain
import Foundation
import Testing

extension StorageContract {
    /// Units holding runs of writes of one kind — several ticket updates, audit events, SLA records, jobs or capacity
    /// guards in a row, as a batched auto-assignment unit does (§5, §15) — behave exactly as their changes applied one
    /// by one: each row stored whole, each guarded, order kept where it is observable, and a failing change fails the
    /// whole unit with the error the first failing change in order raises. (Adapters may write such runs as multi-row
    /// statements; these cases are what keeps that invisible.)
    static let unitRunCases: [StorageContractCase] = [
        StorageContractCase("unit runs: several ticket updates in a row are each stored whole; a stale or absent one fails the unit with its own error") { storage, _ in
            let fixture = StorageFixture.canonical
            try await fixture.seed(into: storage)
            let a = fixture.first
            let org = a.organization.id
            let originals = [a.tickets[0], a.tickets[1], a.fullTicket]
            let updated = originals.enumerated().map { index, ticket in
                a.changed(ticket) {
                    $0.assigneeID = a.secondAgent.id
                    $0.participantIDs.insert(a.secondAgent.id)
                    $0.tags = ["run-\(index)", "batch"]
                    $0.status = .assigned
                }
            }
            _ = try await storage.commit(UnitOfWork(zip(updated, originals).map { .updateTicket($0, expectedVersion: $1.version) }))
            for ticket in updated {
                #expect(try await storage.ticket(id: ticket.id, in: org) == ticket, "ticket(id: \(ticket.id)) after a unit of 3 updates should read back as written")
            }

            let next = updated.map { a.changed($0) { $0.subject += " (second run)" } }
            var stale = zip(next, updated).map { UnitOfWork.Change.updateTicket($0, expectedVersion: $1.version) }
            stale[1] = .updateTicket(next[1], expectedVersion: originals[1].version)
            do {
                _ = try await storage.commit(UnitOfWork(stale))
                Issue.record("commit(3 ticket updates, the second at a stale version) should fail")
            } catch let error as StorageError {
                guard case .versionConflict(let entity, let id) = error else {
                    Issue.record("commit(3 ticket updates, the second stale) should fail with versionConflict, got \(error)")
                    return
                }
                #expect(entity == StorageEntity.ticket && id.lowercased() == next[1].id.description.lowercased(),
                        "commit(3 ticket updates, the second stale) should name ticket \(next[1].id), named \(entity) \(id)")
            }
            let absent = a.newTicket(space: 9_300, index: 0)
            let withAbsent: [UnitOfWork.Change] = [
                .updateTicket(next[0], expectedVersion: updated[0].version), .updateTicket(absent, expectedVersion: 1),
                .updateTicket(next[2], expectedVersion: updated[2].version),
            ]
            await expectStorageError(.missing, "commit(3 ticket updates, the second of an absent ticket)") {
                try await storage.commit(UnitOfWork(withAbsent))
            }
            for ticket in updated {
                #expect(try await storage.ticket(id: ticket.id, in: org) == ticket, "a failed unit of ticket updates should leave ticket \(ticket.id) as it was")
            }
        },
        StorageContractCase("unit runs: audit events appended in a row keep their order on each ticket; one naming an absent ticket fails the unit") { storage, _ in
            let fixture = StorageFixture.canonical
            try await fixture.seed(into: storage)
            let a = fixture.first
            let org = a.organization.id
            let (first, second) = (a.tickets[0], a.tickets[1])
            let before = (try await storage.auditEvents(ticket: first.id, in: org), try await storage.auditEvents(ticket: second.id, in: org))
            let events = (0..<5).map { a.newAuditEvent(for: $0 % 2 == 0 ? first : second, space: 9_310, index: $0) }
            _ = try await storage.commit(UnitOfWork(events.map { .appendAuditEvent($0) }))
            #expect(try await storage.auditEvents(ticket: first.id, in: org) == before.0 + [events[0], events[2], events[4]],
                    "auditEvents(ticket: first) after 5 events in a row on two tickets should end with events 0, 2, 4 in order")
            #expect(try await storage.auditEvents(ticket: second.id, in: org) == before.1 + [events[1], events[3]],
                    "auditEvents(ticket: second) after 5 events in a row on two tickets should end with events 1, 3 in order")

            let absent = a.newTicket(space: 9_311, index: 0)
            let failing = [a.newAuditEvent(for: first, space: 9_312, index: 0), a.newAuditEvent(for: absent, space: 9_312, index: 1)]
            await expectStorageError(.missing, "commit(2 audit events in a row, the second of an absent ticket)") {
                try await storage.commit(UnitOfWork(failing.map { .appendAuditEvent($0) }))
            }
            #expect(try await storage.auditEvents(ticket: first.id, in: org).count == before.0.count + 3,
                    "a failed unit of audit events should append nothing to ticket \(first.id)")
        },
        StorageContractCase("unit runs: SLA records saved in a row are each stored whole; a stale one fails the unit, an absent ticket too") { storage, _ in
            let fixture = StorageFixture.canonical
            try await fixture.seed(into: storage)
            let a = fixture.first
            let org = a.organization.id
            let tickets = [a.tickets[0], a.tickets[1], a.fullTicket]
            let records = tickets.enumerated().map { slaRecord(for: $1, next: $0 == 1 ? nil : slaTime(60 + $0), version: 1) }
            _ = try await storage.commit(UnitOfWork(records.map { .saveTicketSLA($0, expectedVersion: nil) }))
            for record in records {
                #expect(try await storage.ticketSLA(ticket: record.ticketID, in: org) == record, "ticketSLA(\(record.ticketID)) after 3 inserts in a row should read back as saved")
            }

            let next = records.map { record in
                var next = record
                next.version = 2
                next.nextCheckAt = slaTime(90)
                next.assigneeID = a.secondAgent.id
                return next
            }
            var stale = next.map { UnitOfWork.Change.saveTicketSLA($0, expectedVersion: 1) }
            stale[2] = .saveTicketSLA(next[2], expectedVersion: 5)
            do {
                _ = try await storage.commit(UnitOfWork(stale))
                Issue.record("commit(3 SLA record updates, the third at a stale version) should fail")
            } catch let error as StorageError {
                guard case .versionConflict(let entity, _) = error else {
                    Issue.record("commit(3 SLA record updates, the third stale) should fail with versionConflict, got \(error)")
                    return
                }
                #expect(entity == StorageEntity.ticketSLA, "commit(3 SLA record updates, the third stale) should name ticket_sla, named \(entity)")
            }
            for record in records {
                #expect(try await storage.ticketSLA(ticket: record.ticketID, in: org) == record, "a failed unit of SLA updates should leave \(record.ticketID)'s record as it was")
            }
            _ = try await storage.commit(UnitOfWork(next.map { .saveTicketSLA($0, expectedVersion: 1) }))
            for record in next {
                #expect(try await storage.ticketSLA(ticket: record.ticketID, in: org) == record, "ticketSLA(\(record.ticketID)) after 3 updates in a row should read back as saved")
            }

            let fresh = slaRecord(for: a.tickets[2], next: slaTime(30), version: 1)
            let absent = slaRecord(for: a.newTicket(space: 9_320, index: 0), next: slaTime(30), version: 1)
            await expectStorageError(.missing, "commit(2 SLA record inserts in a row, the second for an absent ticket)") {
                try await storage.commit(UnitOfWork([.saveTicketSLA(fresh, expectedVersion: nil), .saveTicketSLA(absent, expectedVersion: nil)]))
            }
            #expect(try await storage.ticketSLA(ticket: fresh.ticketID, in: org) == nil, "a failed unit of SLA inserts should store no record for \(fresh.ticketID)")
        },
        StorageContractCase("unit runs: jobs enqueued in a row are each stored; one of an absent organization fails the unit") { storage, _ in
            let fixture = StorageFixture.canonical
            try await fixture.seed(into: storage)
            let a = fixture.first, b = fixture.second
            let jobs = [a.newJob(space: 9_330, index: 0, runAt: jobNow), b.newJob(space: 9_330, index: 1, runAt: jobTime(5)),
                        a.newJob(space: 9_330, index: 2, runAt: jobTime(-5))]
            _ = try await storage.commit(UnitOfWork(jobs.map { .enqueueJob($0) }))
            for job in jobs {
                #expect(try await storage.job(id: job.id) == job, "job(id:) after 3 enqueues in a row should read back \(job.payload) as enqueued")
            }
            let fresh = a.newJob(space: 9_331, index: 0, runAt: jobNow)
            let orphan = Job(id: FixtureID.scrambled(9_331, 1), organizationID: FixtureID.make(9_332, 0), kind: jobKind, payload: "{}",
                             runAt: jobNow, createdAt: jobNow)
            await expectStorageError(.missing, "commit(2 enqueues in a row, the second of an absent organization)") {
                try await storage.commit(UnitOfWork([.enqueueJob(fresh), .enqueueJob(orphan)]))
            }
            #expect(try await storage.job(id: fresh.id) == nil, "a failed unit of enqueues should store no job \(fresh.payload)")
        },
        StorageContractCase("unit runs: capacity guards in a row check every agent; the first failing guard in order fails the unit") { storage, _ in
            let fixture = StorageFixture.canonical
            try await fixture.seed(into: storage)
            let a = fixture.first
            let org = a.organization.id
            let loads = try await storage.activeTicketCounts(in: org)
            func profile(_ user: UserID) throws -> AgentProfile { try #require(a.agentProfiles.first { $0.userID == user }) }
            // agent: available, within capacity; supervisor: busy, within capacity; secondAgent: above capacity in the
            // seed; the customer has no profile.
            for user in [a.agent.id, a.supervisor.id] {
                try #require(loads[user, default: 0] <= (try profile(user)).maxConcurrentTickets, "the seed should leave \(user) within capacity")
            }
            try #require(loads[a.secondAgent.id, default: 0] > (try profile(a.secondAgent.id)).maxConcurrentTickets, "the seed should leave the second agent above capacity")
            _ = try await storage.commit(UnitOfWork([
                .guardAgentCapacity(a.agent.id, organizationID: org, requireAvailable: true),
                .guardAgentCapacity(a.supervisor.id, organizationID: org, requireAvailable: false),
            ]))
            let cases: [(label: String, guards: [(UserID, Bool)], expected: String, agent: UserID)] = [
                ("available agent, busy supervisor requiring availability, customer", [(a.agent.id, true), (a.supervisor.id, true), (a.customer.id, false)],
                 "versionConflict", a.supervisor.id),
                ("available agent, agent above capacity, customer", [(a.agent.id, true), (a.secondAgent.id, false), (a.customer.id, false)],
                 "versionConflict", a.secondAgent.id),
                ("available agent, customer, agent above capacity", [(a.agent.id, true), (a.customer.id, false), (a.secondAgent.id, false)],
                 "missing", a.customer.id),
            ]
            for check in cases {
                let failure = await commitFailure(storage, check.guards.map { .guardAgentCapacity($0.0, organizationID: org, requireAvailable: $0.1) })
                switch failure {
                case .versionConflict(let entity, let id)? where check.expected == "versionConflict":
                    #expect(entity == StorageEntity.agentProfile && id.lowercased() == check.agent.description.lowercased(),
                            "commit(guards: \(check.label)) should name \(check.agent)'s agent_profile, named \(entity) \(id)")
                case .missing(let entity, _)? where check.expected == "missing":
                    #expect(entity == StorageEntity.agentProfile, "commit(guards: \(check.label)) should name agent_profile as missing, named \(entity)")
                default:
                    Issue.record("commit(guards: \(check.label)) should fail with \(check.expected), got \(String(describing: failure))")
                }
            }
        },
    ]

    /// The storage error `changes` fail with when committed as one unit; `nil` when they commit.
    static func commitFailure(_ storage: any Storage, _ changes: [UnitOfWork.Change]) async -> StorageError? {
        do {
            _ = try await storage.commit(UnitOfWork(changes))
            return nil
        } catch let error as StorageError {
            return error
        } catch {
            return .unavailable(reason: "not a StorageError: \(error)")
        }
    }
}
