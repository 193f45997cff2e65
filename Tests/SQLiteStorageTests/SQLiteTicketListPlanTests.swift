import Domain
import Foundation
import GRDB
@testable import SQLiteStorage
import Testing

/// What only the SQLite adapter promises about ticket lists: the plans that keep a page over a million tickets
/// within a page's cost. What a list returns is the storage contract's.
@Suite struct SQLiteTicketListPlanTests {
    let folder: TemporaryDirectory
    let organization = OrganizationID(UUID())

    init() throws { folder = try TemporaryDirectory() }

    @Test func aTagFilterInCreationOrderReadsThePageThroughTheTagIndex() async throws {
        let storage = try SQLiteStorage(path: folder.path())
        try await storage.migrate()
        let org = organization
        let pages = [
            TicketQuery(scope: .organization(org), filter: TicketFilter(statuses: [.open], tag: "refund"), limit: 50),
            TicketQuery(
                scope: .organization(org), filter: TicketFilter(tag: "refund"), sort: TicketSort(field: .createdAt, descending: false),
                cursor: TicketCursor(key: 1_700_000_000_000, id: TicketID(UUID())), limit: 50),
        ]
        for query in pages {
            let list = TicketListSQL(query)
            let text = try await storage.pool.read { db in try queryPlan(db, list.sql, list.arguments) }.joined(separator: " | ")
            // Without it, a common tag's every ticket was gathered before the first row of the page (100–150 ms at 1,000,000).
            #expect(text.contains("ticket_tags_created"), "a tag list in creation order should search ticket_tags_created, plan: \(text)")
            #expect(!text.contains("TEMP B-TREE"), "a tag list in creation order should read in index order without sorting, plan: \(text)")
        }
    }
}
