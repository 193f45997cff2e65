import Foundation
import NIOHTTP1

/// The fixed HTTP scenarios (§15): each is one operation a client repeats.
struct Scenarios: Sendable {
    let api: APIClient
    /// A customer of the bulk organization (creates tickets).
    let customerToken: String
    /// Its admin (sees every ticket: reads, lists, replies).
    let adminToken: String

    static let filters = [
        "status=open&sort=-priority", "priority=urgent", "status=in_progress&priority=high", "tag=refund", "assignee=none&status=open",
        "category=payment", "status=waiting_customer", "channel=email&priority=medium",
    ]

    /// POST /api/v1/tickets; returns the new ticket's id.
    func createTicket(_ index: Int) async throws -> String {
        let body = try await api.send(.POST, "/api/v1/tickets", token: customerToken, json: [
            "subject": "Benchmark ticket \(index): cannot log in", "description": "Created by switchboard-bench, request \(index).",
            "category": "account", "priority": ["low", "medium", "high", "urgent"][index % 4], "tags": ["bench", "login"],
        ])
        guard let id = body["id"] as? String else { throw APIClient.Failure(description: "POST /api/v1/tickets returned no id") }
        return id
    }

    /// GET /api/v1/tickets/{id} and its thread.
    func readTicket(_ id: String) async throws {
        try await api.fetch(.GET, "/api/v1/tickets/\(id)", token: adminToken)
        try await api.fetch(.GET, "/api/v1/tickets/\(id)/messages", token: adminToken)
    }

    /// GET /api/v1/tickets with one of the queue filters.
    func listQueue(_ index: Int) async throws {
        try await api.fetch(.GET, "/api/v1/tickets?limit=50&\(Self.filters[index % Self.filters.count])", token: adminToken)
    }

    /// POST /api/v1/tickets/{id}/messages as staff.
    func addMessage(_ id: String, _ index: Int) async throws {
        try await api.send(.POST, "/api/v1/tickets/\(id)/messages", token: adminToken, json: [
            "body": "Benchmark reply \(index): thanks, we are looking into it.", "internal": index % 3 == 0,
        ])
    }

    /// Ids of up to `count` existing tickets (newest first), for the read scenario.
    func existingTicketIDs(_ count: Int) async throws -> [String] {
        var ids: [String] = []
        var cursor: String?
        while ids.count < count {
            let page = try await api.send(.GET, "/api/v1/tickets?limit=200" + (cursor.map { "&cursor=\($0)" } ?? ""), token: adminToken)
            let items = page["items"] as? [[String: Any]] ?? []
            ids += items.compactMap { $0["id"] as? String }
            guard let next = page["nextCursor"] as? String, !items.isEmpty else { break }
            cursor = next
        }
        return Array(ids.prefix(count))
    }
}
