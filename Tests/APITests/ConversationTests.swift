import Domain
import Foundation
import HTTPTypes
import HummingbirdTesting
import Memory
import Testing

/// Replies, internal notes and who sees them.
@Suite struct ConversationTests {
    @Test func internalNotesNeverReachTheCustomer() async throws {
        try await TestAPI.run { api in
            let id = try await api.openTicket()
            let path = "/api/v1/tickets/\(id)/messages"
            _ = try await api.call(.post, "/api/v1/tickets/\(id)/take", as: "agent1@acme.test")
            let reply = try await api.call(.post, path, as: "agent1@acme.test", json: ["body": "Have you tried turning it off?"])
            #expect(reply.status == .created && reply.json["internal"].bool == false && reply.json["kind"].string == "agent")
            let note = try await api.call(.post, path, as: "agent1@acme.test", json: ["body": "Customer sounds upset", "internal": true])
            #expect(note.status == .created && note.json["internal"].bool == true)
            let answer = try await api.call(.post, path, as: "customer@acme.test", json: ["body": "Yes, still smoking"])
            #expect(answer.status == .created && answer.json["kind"].string == "customer")

            let customerView = try await api.call(.get, path, as: "customer@acme.test")
            #expect(customerView.json["items"].array.compactMap { $0["body"].string } == ["Have you tried turning it off?", "Yes, still smoking"])
            #expect(customerView.json["nextCursor"].isNull)
            let staffView = try await api.call(.get, path, as: "lead@acme.test")
            #expect(staffView.json["items"].array.count == 3)

            let ticket = try await api.call(.get, "/api/v1/tickets/\(id)", as: "agent1@acme.test")
            #expect(ticket.json["firstResponseAt"].string == "2026-01-01T00:00:00.000Z")
        }
    }

    @Test func customersCannotWriteNotesAndBodiesAreValidated() async throws {
        try await TestAPI.run { api in
            let id = try await api.openTicket()
            let path = "/api/v1/tickets/\(id)/messages"
            #expect(try await api.call(.post, path, as: "customer@acme.test", json: ["body": "psst", "internal": true]).status == .forbidden)
            let empty = try await api.call(.post, path, as: "customer@acme.test", json: ["body": "  "])
            #expect(empty.status == .unprocessableContent && empty.problemFields == ["body"])
            let huge = try await api.call(.post, path, as: "customer@acme.test", json: ["body": String(repeating: "é", count: 30_000)])
            #expect(huge.status == .unprocessableContent && huge.problemFields.contains("body"))
            let ids = try await api.call(.post, path, as: "customer@acme.test", json: ["body": "see file", "attachmentIds": ["nope"]])
            #expect(ids.status == .unprocessableContent && ids.problemFields == ["attachmentIds[0]"])
            let internalType = try await api.call(.post, path, as: "customer@acme.test", json: ["body": "x", "internal": "yes"])
            #expect(internalType.status == .badRequest && internalType.problemFields == ["internal"])
            #expect(try await api.call(.get, path, as: "other@acme.test").status == .notFound)
            #expect(try await api.call(.post, path, as: "other@acme.test", json: ["body": "hi"]).status == .notFound)
        }
    }

    @Test func aClosedTicketTakesNoMessages() async throws {
        try await TestAPI.run { api in
            let id = try await api.openTicket()
            _ = try await api.call(.post, "/api/v1/tickets/\(id)/close", as: "customer@acme.test")
            let response = try await api.call(.post, "/api/v1/tickets/\(id)/messages", as: "customer@acme.test", json: ["body": "hello?"])
            #expect(response.status == .conflict)
        }
    }
}
