import Domain
import Foundation
import Memory
import Testing

/// §14 through the use cases: who sees which tickets and notes, and that organizations never mix.
struct VisibilityTests {
    @Test func customersSeeOnlyTheirTicketsAndNeverInternalNotes() async throws {
        let w = try await World.make()
        let mine = try await w.openTicket("mine")
        _ = try await w.openTicket("theirs", by: w.otherCustomer)
        _ = try await w.tickets.take(mine.id, actor: w.agent1)
        _ = try await w.messages.post(mine.id, body: "customer seems confused", internal: true, actor: w.agent1)
        _ = try await w.messages.post(mine.id, body: "Hello!", internal: false, actor: w.agent1)

        let list = try await w.tickets.list(actor: w.customer)
        #expect(list.items.map(\.subject) == ["mine"])
        let thread = try await w.messages.thread(mine.id, actor: w.customer)
        #expect(thread.map(\.body) == ["Hello!"])
        #expect(try await w.messages.thread(mine.id, actor: w.supervisor).count == 2, "staff see notes")
        await #expect(throws: DomainError.forbidden(reason: "a customer may not addInternalNote this ticket")) {
            try await w.messages.post(mine.id, body: "sneaky", internal: true, actor: w.customer)
        }
        await #expect(throws: DomainError.forbidden(reason: "a customer may not viewHistory this ticket")) {
            try await w.tickets.history(mine.id, actor: w.customer)
        }
        await #expect(throws: DomainError.notFound(entity: "ticket")) {
            try await w.tickets.ticket(mine.id, actor: w.otherCustomer)
        }
    }

    @Test func agentsSeeTheirQueueAndTheirWork() async throws {
        let w = try await World.make()
        let queued = try await w.openTicket("queued")
        let billingTicket = try await w.tickets.create(NewTicket(subject: "invoice", description: "wrong", departmentID: w.billing.id), actor: w.customer)
        #expect(try await w.tickets.list(actor: w.agent1).items.map(\.id) == [queued.id])
        #expect(try await w.tickets.list(actor: w.billingAgent).items.map(\.id) == [billingTicket.id])
        _ = try await w.tickets.take(queued.id, actor: w.agent1)
        #expect(try await w.tickets.list(actor: w.agent2).items.isEmpty, "a colleague's ticket leaves the queue")
        #expect(try await w.tickets.list(actor: w.supervisor).items.map(\.id) == [queued.id], "supervisors see their department")
        #expect(try await w.tickets.list(actor: w.admin).items.count == 2)
        await #expect(throws: DomainError.notFound(entity: "ticket")) { try await w.tickets.take(queued.id, actor: w.billingAgent) }
    }

    @Test func nothingCrossesOrganizations() async throws {
        let w = try await World.make()
        let t = try await w.openTicket()
        #expect(try await w.tickets.list(actor: w.outsider).items.isEmpty)
        await #expect(throws: DomainError.notFound(entity: "ticket")) { try await w.tickets.ticket(t.id, actor: w.outsider) }
        await #expect(throws: DomainError.notFound(entity: "ticket")) {
            try await w.tickets.changePriority(t.id, to: .urgent, actor: w.outsider)
        }
        await #expect(throws: DomainError.notFound(entity: "ticket")) {
            try await w.messages.post(t.id, body: "hi", internal: false, actor: w.outsider)
        }
        #expect(try await w.tickets.ticket(t.id, actor: w.admin).priority == .medium)
    }

    @Test func loginNeedsTheRightPasswordAndAnOrganizationWhenAmbiguous() async throws {
        let w = try await World.make()
        let user = try await w.users.authenticate(email: "C1@acme.test", password: "password1")
        #expect(user.id == w.customer.userID)
        await #expect(throws: DomainError.unauthenticated(reason: "invalid email or password")) {
            try await w.users.authenticate(email: "c1@acme.test", password: "wrong-password")
        }
        _ = try await w.users.register(.init(email: "c1@acme.test", name: "Twin", password: "password2", role: .admin), in: w.otherOrg.id)
        await #expect(throws: DomainError.invalid("organization", "this email exists in several organizations; name one")) {
            try await w.users.authenticate(email: "c1@acme.test", password: "password1")
        }
        let twin = try await w.users.authenticate(email: "c1@acme.test", password: "password2", organization: "globex")
        #expect(twin.role == .customer, "self-registration always makes customers")
        await #expect(throws: DomainError.validation([FieldViolation(field: "email", message: "is already registered")])) {
            try await w.users.register(.init(email: "c1@acme.test", name: "Dup", password: "password3", role: .customer), in: w.org.id)
        }
    }
}
