import Domain
import Foundation
import Memory
import Testing

struct TicketCreationTests {
    @Test func idempotentReplayReturnsTheSameTicketAndCreatesNothing() async throws {
        let w = try await World.make()
        let input = NewTicket(subject: "Refund", description: "Please", category: "payment")
        let first = try await w.tickets.create(input, actor: w.customer, idempotencyKey: "k-1")
        let replay = try await w.tickets.create(input, actor: w.customer, idempotencyKey: "k-1")
        #expect(replay.id == first.id && replay.number == first.number)
        let all = try await w.tickets.list(actor: w.admin)
        #expect(all.items.count == 1)
        await #expect(throws: DomainError.idempotencyKeyReused) {
            try await w.tickets.create(NewTicket(subject: "Other", description: "Body"), actor: w.customer, idempotencyKey: "k-1")
        }
        // The key belongs to its user: another customer may use the same string.
        let other = try await w.tickets.create(input, actor: w.otherCustomer, idempotencyKey: "k-1")
        #expect(other.id != first.id)
    }

    @Test func concurrentReplaysCreateOneTicket() async throws {
        let w = try await World.make()
        let input = NewTicket(subject: "Same", description: "Same")
        let ids = try await withThrowingTaskGroup(of: TicketID.self) { group in
            for _ in 0..<8 { group.addTask { try await w.tickets.create(input, actor: w.customer, idempotencyKey: "race").id } }
            return try await group.reduce(into: Set<TicketID>()) { $0.insert($1) }
        }
        #expect(ids.count == 1)
        #expect(try await w.tickets.list(actor: w.admin).items.count == 1)
    }

    @Test func validationNamesEveryBadField() async throws {
        let w = try await World.make()
        let bad = NewTicket(subject: "  ", description: String(repeating: "x", count: 51 * 1024), category: "astrology", tags: Array(repeating: "t", count: 1) + (0..<25).map { "tag\($0)" })
        let error = await #expect(throws: DomainError.self) { try await w.tickets.create(bad, actor: w.customer) }
        guard case .validation(let violations)? = error else {
            Issue.record("expected a validation error, got \(String(describing: error))")
            return
        }
        #expect(Set(violations.map(\.field)) == ["subject", "description", "category", "tags"])
        #expect(try await w.tickets.list(actor: w.admin).items.isEmpty, "nothing half-written")
    }

    @Test func customersCannotOpenTicketsForOthersButStaffCan() async throws {
        let w = try await World.make()
        await #expect(throws: DomainError.invalid("customerId", "customers open tickets for themselves")) {
            try await w.tickets.create(NewTicket(subject: "x", description: "y", customerID: w.otherCustomer.userID), actor: w.customer)
        }
        let phoned = try await w.tickets.create(NewTicket(subject: "x", description: "y", channel: .phone, customerID: w.customer.userID), actor: w.agent1)
        #expect(phoned.customerID == w.customer.userID && phoned.channel == .phone)
    }
}
