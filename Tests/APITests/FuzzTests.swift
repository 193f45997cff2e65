import Domain
import Foundation
import HTTPTypes
import HummingbirdTesting
import Memory
import Testing

/// 200 random or malformed bodies thrown at the write endpoints: never a 5xx, and a refused request
/// never leaves a trace (no partial write).
@Suite struct FuzzTests {
    /// A deterministic generator (SplitMix64), so that a failure can be replayed from its seed.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let fieldNames = [
        "subject", "description", "category", "priority", "channel", "tags", "customFields", "references", "departmentId",
        "customerId", "status", "note", "agentId", "toAgentId", "toDepartmentId", "reason", "resolutionType", "summary", "notes",
        "rating", "nps", "feedback", "body", "internal", "attachmentIds", "email", "password", "name", "organization",
        "refreshToken", "tier", "skills", "maxConcurrentTickets", "shift", "routingStrategy", "role", "language",
    ]

    /// A random JSON value, sometimes almost right (a real enum value, an id), sometimes absurd.
    static func value(_ rng: inout SeededGenerator, depth: Int = 0) -> String {
        let choices = depth > 2 ? 8 : 11
        switch Int.random(in: 0..<choices, using: &rng) {
        case 0: return "null"
        case 1: return Bool.random(using: &rng) ? "true" : "false"
        case 2: return String(Int.random(in: -1_000_000...1_000_000, using: &rng))
        case 3: return ["1e308", "-0", "3.5", "1e999", "123456789012345678901234567890"].randomElement(using: &rng)!
        case 4: return "\"" + ["open", "urgent", "solved", "in_progress", "", " ", "web", "round_robin", "available", "agent"].randomElement(using: &rng)! + "\""
        case 5: return "\"\(uuid(&rng))\""
        case 6: return "\"" + String(repeating: ["x", "é", "\\u0000", "\\n", "🙂", "\\\""].randomElement(using: &rng)!, count: Int.random(in: 0...300, using: &rng)) + "\""
        case 7: return "\"" + ["<script>", "'; DROP TABLE tickets; --", "\\ud800", "%00", "../../etc/passwd"].randomElement(using: &rng)! + "\""
        case 8: return "[" + (0..<Int.random(in: 0...4, using: &rng)).map { _ in value(&rng, depth: depth + 1) }.joined(separator: ",") + "]"
        default: return object(&rng, depth: depth + 1)
        }
    }

    /// An id nobody has, in canonical form.
    static func uuid(_ rng: inout SeededGenerator) -> String {
        let hex = String(rng.next(), radix: 16).leftPadded(16) + String(rng.next(), radix: 16).leftPadded(16)
        let chars = Array(hex)
        return [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(chars[$0]) }.joined(separator: "-")
    }

    static func object(_ rng: inout SeededGenerator, depth: Int = 0) -> String {
        let members = (0..<Int.random(in: 0...6, using: &rng)).map { _ in
            "\"\(fieldNames.randomElement(using: &rng)!)\":\(value(&rng, depth: depth))"
        }
        return "{" + members.joined(separator: ",") + "}"
    }

    /// A body: mostly objects of known field names with random values, sometimes broken JSON.
    static func body(_ rng: inout SeededGenerator) -> String {
        let valid = object(&rng)
        switch Int.random(in: 0..<10, using: &rng) {
        case 0: return String(valid.prefix(Int.random(in: 0...max(0, valid.count - 1), using: &rng)))
        case 1: return valid.replacingOccurrences(of: ":", with: "=")
        case 2: return ["", "{", "}", "[]", "null", "42", "\"text\"", "{\"a\":1,}", "{'single':1}", "\u{FEFF}{}", "{\"x\":\"\\q\"}"].randomElement(using: &rng)!
        case 3: return value(&rng)
        default: return valid
        }
    }

    @Test func randomBodiesNeverCauseA5xxOrAPartialWrite() async throws {
        try await TestAPI.run { api in
            let ticket = try await api.openTicket()
            let agentID = api.fixture.user("agent1@acme.test").id
            let endpoints: [(HTTPRequest.Method, String, String?)] = [
                (.post, "/api/v1/tickets", "customer@acme.test"),
                (.patch, "/api/v1/tickets/\(ticket)", "admin@acme.test"),
                (.post, "/api/v1/tickets/\(ticket)/assign", "lead@acme.test"),
                (.post, "/api/v1/tickets/\(ticket)/status", "admin@acme.test"),
                (.post, "/api/v1/tickets/\(ticket)/priority", "admin@acme.test"),
                (.post, "/api/v1/tickets/\(ticket)/escalate", "admin@acme.test"),
                (.post, "/api/v1/tickets/\(ticket)/resolve", "admin@acme.test"),
                (.post, "/api/v1/tickets/\(ticket)/reopen", "customer@acme.test"),
                (.post, "/api/v1/tickets/\(ticket)/rate", "customer@acme.test"),
                (.post, "/api/v1/tickets/\(ticket)/messages", "customer@acme.test"),
                (.post, "/api/v1/agents", "admin@acme.test"),
                (.patch, "/api/v1/agents/\(agentID)", "admin@acme.test"),
                (.put, "/api/v1/agents/me/status", "agent2@acme.test"),
                (.post, "/api/v1/departments", "admin@acme.test"),
                (.patch, "/api/v1/departments/\(api.fixture.billing.id)", "admin@acme.test"),
                (.post, "/api/v1/auth/register", nil),
                (.post, "/api/v1/auth/refresh", nil),
                (.post, "/api/v1/auth/logout", nil),
            ]
            for email in Set(endpoints.compactMap(\.2)) { _ = try await api.token(email) }
            var rng = SeededGenerator(state: 0x5EED_2026)
            var statuses: [Int: Int] = [:]
            for attempt in 0..<200 {
                let (method, path, email) = endpoints[attempt % endpoints.count]
                let body = Self.body(&rng)
                let before = try await api.fixture.snapshot()
                let response = try await api.call(method, path, as: email, raw: body)
                statuses[response.code, default: 0] += 1
                #expect(response.code < 500, "#\(attempt) \(method) \(path) \(body) → \(response.code) \(response.text)")
                if response.code >= 400 {
                    #expect(response.isProblem, "#\(attempt): \(response.text)")
                    let after = try await api.fixture.snapshot()
                    #expect(after == before, "#\(attempt) \(method) \(path) \(body) refused with \(response.code) but changed \(after.filter { before[$0.key] != $0.value })")
                }
            }
            #expect(statuses.keys.allSatisfy { $0 < 500 }, "\(statuses)")
            #expect(statuses[400, default: 0] > 20 && statuses[422, default: 0] > 20, "the bodies reach both parsing and validation: \(statuses)")
        }
    }
}

private extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
