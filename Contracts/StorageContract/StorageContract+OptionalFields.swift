import Domain
import Foundation
import Testing

extension StorageContract {
    /// The classic drift between adapters: an optional field that one adapter stores as a default (empty
    /// string, 0, `false`, JSON `null`) instead of absent, or a column name that is a reserved word in one
    /// dialect. For each entity with optional fields, one record with every optional field absent and one
    /// with every optional field present must read back exactly as written.
    static let optionalFieldCases: [StorageContractCase] = [
        StorageContractCase("optional fields: absent and present round-trip for every entity") { storage, _ in
            let org = Organization(id: FixtureID.make(9_000, 0), slug: "optional", name: "Optional Fields", createdAt: FixtureTime.at(minutes: 1))
            let bare = User(
                id: FixtureID.make(9_000, 1), organizationID: org.id, email: EmailAddress("bare@optional.test")!, name: "Bare",
                phone: nil, role: .agent, passwordHash: "h", isActive: false, createdAt: FixtureTime.at(minutes: 2)
            )
            let full = User(
                id: FixtureID.make(9_000, 2), organizationID: org.id, email: EmailAddress("full@optional.test")!, name: "Full",
                phone: "+1 555 0100", role: .customer, passwordHash: "h", createdAt: FixtureTime.at(minutes: 3)
            )
            let bareProfile = AgentProfile(
                userID: bare.id, organizationID: org.id, employeeID: nil, skills: [], languages: [], createdAt: FixtureTime.at(minutes: 4)
            )
            let bareTicket = Ticket(
                id: FixtureID.make(9_000, 3), organizationID: org.id, number: TicketNumber(1), customerID: full.id,
                contact: Contact(name: "No Email"), subject: "bare", description: "every optional field absent",
                createdAt: FixtureTime.at(minutes: 5)
            )
            var fullTicket = Ticket(
                id: FixtureID.make(9_000, 4), organizationID: org.id, number: TicketNumber(2), customerID: full.id,
                contact: Contact(name: "Full", email: full.email, phone: "+1 555 0100"), subject: "full",
                description: "every optional field present", assigneeID: bare.id, language: "de",
                firstResponseAt: FixtureTime.at(minutes: 7), closedAt: FixtureTime.at(minutes: 9), createdAt: FixtureTime.at(minutes: 6)
            )
            fullTicket.journeyAnswers = JourneyAnswers(journeyID: "general", journeyVersion: 3, answers: ["issue": .text("order")])
            fullTicket.resolution = Resolution(kind: .other, summary: "s", notes: nil, resolvedBy: bare.id, resolvedAt: FixtureTime.at(minutes: 8))
            fullTicket.rating = CustomerRating(rating: 4, ratedAt: FixtureTime.at(minutes: 10))
            fullTicket.mergedIntoID = bareTicket.id
            let systemMessage = Message(
                id: FixtureID.make(9_000, 5), organizationID: org.id, ticketID: bareTicket.id, authorID: nil, kind: .system,
                body: "system", isInternal: false, createdAt: FixtureTime.at(minutes: 11)
            )
            let systemEvent = AuditEvent(
                id: FixtureID.make(9_000, 6), organizationID: org.id, ticketID: bareTicket.id, actorID: nil, kind: .slaBreached,
                changes: [FieldChange(field: "sla", before: nil, after: nil)], note: nil, at: FixtureTime.at(minutes: 12)
            )
            let freshToken = RefreshToken(
                id: FixtureID.make(9_000, 7), organizationID: org.id, userID: full.id, familyID: UUID(uuidString: "00000000-0000-7000-8000-000000009008")!,
                digest: "optional-fields-digest", issuedAt: FixtureTime.at(minutes: 13), expiresAt: FixtureTime.at(minutes: 14)
            )
            let bareJob = Job(
                id: FixtureID.make(9_000, 9), organizationID: org.id, kind: "optional", payload: "", runAt: FixtureTime.at(minutes: 15),
                createdAt: FixtureTime.at(minutes: 15)
            )
            _ = try await storage.commit(UnitOfWork([
                .insertOrganization(org), .insertUser(bare), .insertUser(full), .insertAgentProfile(bareProfile),
                .insertTicket(bareTicket, idempotencyKey: nil), .insertTicket(fullTicket, idempotencyKey: nil),
                .insertMessage(systemMessage), .appendAuditEvent(systemEvent), .insertRefreshToken(freshToken), .enqueueJob(bareJob),
            ]))
            #expect(try await storage.user(id: bare.id, in: org.id) == bare, "user with phone absent should read back with phone nil")
            #expect(try await storage.user(id: full.id, in: org.id) == full, "user with phone present should read back with it")
            #expect(try await storage.agentProfile(userID: bare.id, in: org.id) == bareProfile, "profile with no employee id, skills or languages")
            #expect(try await storage.ticket(id: bareTicket.id, in: org.id) == bareTicket, "ticket with every optional field absent")
            #expect(try await storage.ticket(id: fullTicket.id, in: org.id) == fullTicket, "ticket with every optional field present")
            #expect(try await storage.messages(ticket: bareTicket.id, in: org.id, includeInternal: true) == [systemMessage], "system message without author")
            #expect(try await storage.auditEvents(ticket: bareTicket.id, in: org.id) == [systemEvent], "system audit event without actor, note or values")
            #expect(try await storage.refreshToken(digest: freshToken.digest) == freshToken, "token neither consumed nor revoked")
            #expect(try await storage.job(id: bareJob.id) == bareJob, "job with empty payload, no error and no lease")
        },
    ]
}
