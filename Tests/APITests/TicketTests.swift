@testable import API
import Domain
import Foundation
import HTTPTypes
import HummingbirdTesting
import Memory
import Testing

/// Opening, reading, listing and editing tickets.
@Suite struct TicketTests {
    @Test func aCustomerOpensAndReadsATicket() async throws {
        try await TestAPI.run { api in
            let created = try await api.call(.post, "/api/v1/tickets", as: "customer@acme.test", json: [
                "subject": "Cannot log in", "description": "The reset email never arrives.", "category": "account", "priority": "high",
                "tags": ["Login", "email"], "customFields": ["plan": "gold", "seats": 3, "vip": true, "regions": ["eu", "us"]] as [String: any Sendable],
                "references": [["kind": "order", "value": "1042"]],
            ])
            #expect(created.status == .created)
            #expect(created.json["number"].string == "TKT-000001")
            #expect(created.json["status"].string == "open")
            #expect(created.json["tags"].array.compactMap(\.string) == ["email", "login"])
            #expect(created.json["customFields"]["seats"].int == 3)
            #expect(created.json["customerId"].string == api.fixture.user("customer@acme.test").id.description)
            #expect(created.headers[.eTag] == "\"1\"")
            let id = try #require(created.json["id"].string)
            #expect(created.headers[.location] == "/api/v1/tickets/\(id)")
            #expect(created.json["createdAt"].string == "2026-01-01T00:00:00.000Z")
            // The SLA block (§6): no policy stored, so the default high targets, 30 min / 4 h, around the clock.
            #expect(created.json["sla"]["policyId"].isNull)
            #expect(created.json["sla"]["firstResponse"]["dueAt"].string == "2026-01-01T00:30:00.000Z")
            #expect(created.json["sla"]["firstResponse"]["remainingSeconds"].int == 1_800 && created.json["sla"]["firstResponse"]["level"].string == "ok")
            #expect(created.json["sla"]["resolution"]["dueAt"].string == "2026-01-01T04:00:00.000Z")
            #expect(created.json["sla"]["resolution"]["pausedSeconds"].int == 0 && created.json["sla"]["resolution"]["breachedAt"].isNull)
            // Internal fields are staff-only.
            #expect(!created.json["tier"].exists && !created.json["participantIds"].exists)

            let read = try await api.call(.get, "/api/v1/tickets/\(id)", as: "customer@acme.test")
            #expect(read.status == .ok && read.json["subject"].string == "Cannot log in")
            let staff = try await api.call(.get, "/api/v1/tickets/\(id)", as: "admin@acme.test")
            #expect(staff.json["tier"].int == 1 && staff.json["participantIds"].array.isEmpty)
        }
    }

    @Test func creationNamesEachInvalidField() async throws {
        try await TestAPI.run { api in
            let empty = try await api.call(.post, "/api/v1/tickets", as: "customer@acme.test", json: [:])
            #expect(empty.status == .unprocessableContent && Set(empty.problemFields) == ["subject", "description"])

            let choices = try await api.call(.post, "/api/v1/tickets", as: "customer@acme.test", json: [
                "subject": "s", "description": "d", "priority": "asap", "channel": "pigeon", "departmentId": "sales",
            ])
            #expect(choices.status == .unprocessableContent && Set(choices.problemFields) == ["priority", "channel", "departmentId"])

            let category = try await api.call(.post, "/api/v1/tickets", as: "customer@acme.test", json: ["subject": "s", "description": "d", "category": "gossip"])
            #expect(category.status == .unprocessableContent && category.problemFields == ["category"])

            let field = try await api.call(.post, "/api/v1/tickets", as: "customer@acme.test", json: [
                "subject": "s", "description": "d", "customFields": ["nested": ["a": 1]],
            ])
            #expect(field.status == .unprocessableContent && field.problemFields == ["customFields.nested"])

            let unknownDepartment = try await api.call(.post, "/api/v1/tickets", as: "customer@acme.test", json: [
                "subject": "s", "description": "d", "departmentId": UUID().uuidString.lowercased(),
            ])
            #expect(unknownDepartment.status == .unprocessableContent && unknownDepartment.problemFields == ["departmentId"])

            let longSubject = try await api.call(.post, "/api/v1/tickets", as: "customer@acme.test", json: [
                "subject": String(repeating: "x", count: 201), "description": "d",
            ])
            #expect(longSubject.status == .unprocessableContent && longSubject.problemFields == ["subject"])
        }
    }

    @Test func unreadableBodiesAre400sNamingTheField() async throws {
        try await TestAPI.run { api in
            let syntax = try await api.call(.post, "/api/v1/tickets", as: "customer@acme.test", raw: #"{"subject": "s", "description": }"#)
            #expect(syntax.status == .badRequest && syntax.problemFields == ["body"])
            #expect(syntax.json["detail"].string?.contains("not valid JSON") == true)
            #expect(syntax.json["errors"][0]["message"].string?.contains("character 32") == true, "the position is named: \(syntax.text)")

            let type = try await api.call(.post, "/api/v1/tickets", as: "customer@acme.test", raw: #"{"subject": 42, "description": "d"}"#)
            #expect(type.status == .badRequest && type.problemFields == ["subject"])

            let nested = try await api.call(.post, "/api/v1/tickets", as: "customer@acme.test", raw: #"{"subject":"s","description":"d","references":[{"kind":"order"}]}"#)
            #expect(nested.status == .badRequest && nested.problemFields == ["references[0].value"])

            let array = try await api.call(.post, "/api/v1/tickets", as: "customer@acme.test", raw: "[1,2]")
            #expect(array.status == .badRequest && array.problemFields == ["body"])
        }
    }

    @Test func aBodyOverTheLimitIs413BeforeItIsRead() async throws {
        var options = TestAPI.relaxed
        options.maximumBodyBytes = 1_000
        try await TestAPI.run(options: options) { api in
            let big = try await api.call(.post, "/api/v1/tickets", as: "customer@acme.test", json: [
                "subject": "s", "description": String(repeating: "x", count: 2_000),
            ])
            #expect(big.status == .contentTooLarge && big.isProblem)
            let unauthenticated = try await api.call(.post, "/api/v1/auth/login", raw: String(repeating: " ", count: 5_000))
            #expect(unauthenticated.status == .contentTooLarge)
            #expect(try await api.fixture.snapshot()["acme.tickets"] == "0")
        }
    }

    @Test func anIdempotentReplayReturnsTheSameTicket() async throws {
        try await TestAPI.run { api in
            let body: [String: any Sendable] = ["subject": "Refund", "description": "Please refund order 7."]
            let key: HTTPFields = [TestAPI.idempotencyKey: "order-7-refund"]
            let first = try await api.call(.post, "/api/v1/tickets", as: "customer@acme.test", json: body, headers: key)
            let replay = try await api.call(.post, "/api/v1/tickets", as: "customer@acme.test", json: body, headers: key)
            #expect(first.status == .created && replay.status == .created)
            #expect(first.json["id"] == replay.json["id"] && first.json["number"] == replay.json["number"])
            #expect(try await api.fixture.snapshot()["acme.tickets"] == "1")

            let different = try await api.call(.post, "/api/v1/tickets", as: "customer@acme.test", json: ["subject": "Other", "description": "x"], headers: key)
            #expect(different.status == .unprocessableContent)
            #expect(different.json["type"].string == "urn:switchboard:problem:idempotency-key-reused")
            #expect(different.problemFields == ["Idempotency-Key"])
            // Keys belong to their user: another customer's same key opens a new ticket.
            let other = try await api.call(.post, "/api/v1/tickets", as: "other@acme.test", json: body, headers: key)
            #expect(other.status == .created && other.json["id"] != first.json["id"])
        }
    }

    @Test func patchHonoursIfMatch() async throws {
        try await TestAPI.run { api in
            let id = try await api.openTicket()
            _ = try await api.call(.post, "/api/v1/tickets/\(id)/take", as: "agent1@acme.test")
            let updated = try await api.call(.patch, "/api/v1/tickets/\(id)", as: "agent1@acme.test",
                                             json: ["subject": "Printer on fire (3rd floor)", "tags": ["hardware"], "tier": 2], headers: [.ifMatch: "\"2\""])
            #expect(updated.status == .ok)
            #expect(updated.json["version"].int == 3 && updated.headers[.eTag] == "\"3\"")
            #expect(updated.json["subject"].string == "Printer on fire (3rd floor)" && updated.json["tier"].int == 2)

            let stale = try await api.call(.patch, "/api/v1/tickets/\(id)", as: "agent1@acme.test", json: ["subject": "Again"], headers: [.ifMatch: "\"2\""])
            #expect(stale.status == .preconditionFailed)
            #expect(stale.json["currentVersion"].int == 3 && stale.headers[.eTag] == "\"3\"")

            let weak = try await api.call(.patch, "/api/v1/tickets/\(id)", as: "agent1@acme.test", json: ["language": "de"], headers: [.ifMatch: "W/\"3\""])
            #expect(weak.status == .ok)
            let any = try await api.call(.patch, "/api/v1/tickets/\(id)", as: "agent1@acme.test", json: ["language": "fr"], headers: [.ifMatch: "*"])
            #expect(any.status == .ok)
            let garbage = try await api.call(.patch, "/api/v1/tickets/\(id)", as: "agent1@acme.test", json: ["language": "it"], headers: [.ifMatch: "yesterday"])
            #expect(garbage.status == .badRequest && garbage.problemFields == ["If-Match"])
            let invalid = try await api.call(.patch, "/api/v1/tickets/\(id)", as: "agent1@acme.test", json: ["subject": "   "])
            #expect(invalid.status == .unprocessableContent && invalid.problemFields == ["subject"])

            let customer = try await api.call(.patch, "/api/v1/tickets/\(id)", as: "customer@acme.test", json: ["subject": "Mine"])
            #expect(customer.status == .forbidden)
        }
    }

    @Test func malformedIdsAre400AndUnknownOnes404() async throws {
        try await TestAPI.run { api in
            let malformed = try await api.call(.get, "/api/v1/tickets/TKT-1", as: "admin@acme.test")
            #expect(malformed.status == .badRequest && malformed.problemFields == ["id"])
            let unknown = try await api.call(.get, "/api/v1/tickets/\(UUID().uuidString.lowercased())", as: "admin@acme.test")
            #expect(unknown.status == .notFound)
        }
    }
}
