import Domain
import Foundation
import Testing

extension StorageContract {
    /// The verdicts of stopped SLA clocks are stored with the ticket's record and read back exactly (issue 8): reads
    /// and compliance figures rely on them instead of re-evaluating under a changed policy.
    static let slaVerdictCases: [StorageContractCase] = [
        StorageContractCase("sla: a record's verdicts of stopped clocks round-trip through insert and update") { storage, _ in
            let fixture = StorageFixture.canonical
            try await fixture.seed(into: storage)
            let a = fixture.first
            let ticket = a.fullTicket
            var record = slaRecord(for: ticket, next: nil, version: 1)
            record.verdicts = [slaVerdict(.firstResponse, met: true)]
            _ = try await storage.commit(UnitOfWork([.saveTicketSLA(record, expectedVersion: nil)]))
            #expect(try await storage.ticketSLA(ticket: ticket.id, in: a.organization.id)?.verdicts == record.verdicts,
                    "ticketSLA should read back the verdict saved with saveTicketSLA(new)")

            var next = record
            next.version = 2
            next.verdicts.append(slaVerdict(.resolution, met: false))
            _ = try await storage.commit(UnitOfWork([.saveTicketSLA(next, expectedVersion: 1)]))
            #expect(try await storage.ticketSLA(ticket: ticket.id, in: a.organization.id) == next, "ticketSLA should read back both verdicts after the update")
            let listed = try await storage.ticketSLAs(tickets: [ticket.id], in: a.organization.id)
            #expect(listed.map(\.verdicts) == [next.verdicts], "ticketSLAs(tickets:) should carry the verdicts too")
        },
    ]

    /// A stopped clock's state with every optional instant set (or not, for a met clock), at millisecond instants.
    static func slaVerdict(_ metric: SLAMetric, met: Bool) -> SLAClockState {
        SLAClockState(
            metric: metric, priority: .urgent, targetSeconds: 900, dueAt: slaTime(15), remainingSeconds: met ? 480 : -300,
            consumedSeconds: met ? 420 : 1_200, pausedSeconds: metric == .resolution ? 60 : 0, level: met ? .met : .breached,
            metAt: met ? slaTime(7) : nil, breachedAt: met ? nil : Date(millisecondsSince1970: slaTime(15).millisecondsSince1970 + 1),
            stoppedAt: met ? slaTime(7) : slaTime(20), warningAt: slaTime(8), criticalAt: slaTime(12), breachAt: slaTime(15),
            nextCrossingAt: nil)
    }
}
