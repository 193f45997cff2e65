import Domain
import Foundation
import GRDB

/// The SQL of one `TicketQuery`: `TicketScope.contains`, `TicketFilter.matches`, `TicketSort.precedes`
/// and `TicketCursor.admits` restated as a WHERE clause and an ORDER BY, clause for clause.
/// Values are always arguments; only fixed column names are spliced into the text.
struct TicketListSQL {
    private(set) var sql = ""
    private(set) var arguments = StatementArguments()
    /// How many tickets the page holds; the statement fetches one more to learn whether more follow.
    let pageSize: Int

    private var conditions: [String] = []

    init(_ query: TicketQuery) {
        pageSize = min(max(query.limit, 1), TicketQuery.maximumLimit)
        // A tag filter in creation order (the default sort) walks the tag's rows of `ticket_tags_created` in
        // that order and stops after a page, for common and rare tags alike. CROSS JOIN keeps SQLite from
        // putting `tickets` first. Other sorts filter by tag (`addFilter`) and sort.
        let tagInOrder = query.sort.field == .createdAt ? query.filter.tag : nil
        var from = "FROM tickets"
        if let tag = tagInOrder {
            from = """
                FROM (SELECT ticket_id AS tag_ticket_id, ticket_created_at AS tag_created_at FROM ticket_tags
                      WHERE organization_id = ? AND tag = ?)
                CROSS JOIN tickets ON tickets.id = tag_ticket_id
                """
            add(nil, [query.scope.organizationID.description, tag.lowercased()])
        }
        addScope(query.scope)
        addFilter(query.filter, organization: query.scope.organizationID, tagInFrom: tagInOrder != nil)

        // In tag order the same keys come from the tag row (equal to the ticket's), so the index gives the order.
        let column = tagInOrder == nil ? Self.sortColumn(query.sort.field) : "tag_created_at"
        let idColumn = tagInOrder == nil ? "id" : "tag_ticket_id"
        let direction = query.sort.descending ? "DESC" : "ASC"
        if let cursor = query.cursor {
            // `admits`: strictly after (key, id) in the sort direction; ties on the key go by id.
            add("(\(column), \(idColumn)) \(query.sort.descending ? "<" : ">") (?, ?)", [cursor.key, cursor.id.description])
        }
        sql = """
            SELECT \(TicketRow.columns) \(from)
            WHERE \(conditions.joined(separator: "\n  AND "))
            ORDER BY \(column) \(direction), \(idColumn) \(direction)
            LIMIT ?
            """
        arguments += [pageSize + 1]
    }

    /// The column holding `TicketSort.key`: dates as milliseconds, priority as its rank, the number.
    static func sortColumn(_ field: TicketSort.Field) -> String {
        switch field {
        case .createdAt: "created_at"
        case .updatedAt: "updated_at"
        case .priority: "priority"
        case .number: "number"
        }
    }

    /// Appends a WHERE condition and its values; `nil`: values of the FROM clause, which come first.
    private mutating func add(_ condition: String?, _ values: [(any DatabaseValueConvertible)?] = []) {
        if let condition { conditions.append(condition) }
        arguments += StatementArguments(values)
    }

    /// `TicketScope.contains`.
    private mutating func addScope(_ scope: TicketScope) {
        add("organization_id = ?", [scope.organizationID.description])
        switch scope {
        case .organization:
            break
        case .customer(_, let user):
            add("customer_id = ?", [user.description])
        case .staff(_, let user, let departments, let wholeDepartments):
            // A ticket with no department counts as in every department.
            let departmentValues = departments.map(\.description)
            let inDepartment = departments.isEmpty
                ? "department_id IS NULL"
                : "(department_id IS NULL OR department_id IN (\(SQLList.placeholders(departments.count))))"
            let departmental = wholeDepartments ? inDepartment : "(\(inDepartment) AND assignee_id IS NULL)"
            add(
                "(assignee_id = ? OR id IN (SELECT ticket_id FROM ticket_participants WHERE user_id = ?) OR \(departmental))",
                [user.description, user.description] + departmentValues)
        }
    }

    /// `TicketFilter.matches`: every condition ANDed, an empty set meaning "any".
    private mutating func addFilter(_ filter: TicketFilter, organization: OrganizationID, tagInFrom: Bool) {
        addMembership("status", filter.statuses.map(\.rawValue))
        addMembership("priority", filter.priorities.map(\.rank))
        addMembership("category", Array(filter.categories))
        switch filter.assignee {
        case nil: break
        case .none?: add("assignee_id IS NULL")
        case .user(let id)?: add("assignee_id = ?", [id.description])
        }
        // `IN` never matches NULL: a ticket without department is outside any department filter.
        addMembership("department_id", filter.departmentIDs.map(\.description))
        if let tag = filter.tag, !tagInFrom {
            add("id IN (SELECT ticket_id FROM ticket_tags WHERE organization_id = ? AND tag = ?)",
                [organization.description, tag.lowercased()])
        }
        if let customer = filter.customerID { add("customer_id = ?", [customer.description]) }
        addMembership("channel", filter.channels.map(\.rawValue))
        if let from = filter.createdFrom { add("created_at >= ?", [Self.firstMillisecond(notBefore: from)]) }
        if let before = filter.createdBefore { add("created_at < ?", [Self.firstMillisecond(notBefore: before)]) }
        if let from = filter.updatedFrom { add("updated_at >= ?", [Self.firstMillisecond(notBefore: from)]) }
        if let before = filter.updatedBefore { add("updated_at < ?", [Self.firstMillisecond(notBefore: before)]) }
    }

    private mutating func addMembership(_ column: String, _ values: [some DatabaseValueConvertible]) {
        guard !values.isEmpty else { return }
        add("\(column) IN (\(SQLList.placeholders(values.count)))", values)
    }

    /// The smallest stored millisecond `m` whose date is not before `date`. Stored dates are whole
    /// milliseconds, so `date <= stored` holds exactly when `m <= stored column`, and
    /// `stored < date` exactly when `stored column < m`, even when `date` has a fraction of a millisecond.
    static func firstMillisecond(notBefore date: Date) -> Int64 {
        var ms = date.millisecondsSince1970
        while Date(millisecondsSince1970: ms) < date { ms += 1 }
        while Date(millisecondsSince1970: ms - 1) >= date { ms -= 1 }
        return ms
    }
}
