import Domain
import Foundation
import PostgresNIO

/// The SQL of one `TicketQuery`: `TicketScope.contains`, `TicketFilter.matches`, `TicketSort.precedes`
/// and `TicketCursor.admits` restated as a WHERE clause and an ORDER BY, clause for clause (the same
/// clauses as the SQLite adapter's, in PostgreSQL's dialect: arrays instead of side tables).
struct TicketListSQL {
    private(set) var statement = SQLStatement()
    /// How many tickets the page holds; the statement fetches one more to learn whether more follow.
    let pageSize: Int

    private var conditions: [String] = []

    init(_ query: TicketQuery) {
        pageSize = min(max(query.limit, 1), TicketQuery.maximumLimit)
        addScope(query.scope)
        addFilter(query.filter)

        let column = Self.sortColumn(query.sort.field)
        let direction = query.sort.descending ? "DESC" : "ASC"
        if let cursor = query.cursor {
            // `admits`: strictly after (key, id) in the sort direction; ties on the key go by id.
            let key = Self.isDate(query.sort.field) ? statement.bind(Timestamp(milliseconds: cursor.key)) : statement.bind(cursor.key)
            conditions.append("(\(column), id) \(query.sort.descending ? "<" : ">") (\(key), \(statement.bind(cursor.id.uuid)))")
        }
        statement.append("""
            \(TicketRow.selectSQL)
            WHERE \(conditions.joined(separator: "\n  AND "))
            ORDER BY \(column) \(direction), id \(direction)
            LIMIT \(statement.bind(pageSize + 1))
            """)
    }

    /// The column holding `TicketSort.key`: instants (compared as whole milliseconds), priority as its rank, the number.
    static func sortColumn(_ field: TicketSort.Field) -> String {
        switch field {
        case .createdAt: "created_at"
        case .updatedAt: "updated_at"
        case .priority: "priority"
        case .number: "number"
        }
    }

    private static func isDate(_ field: TicketSort.Field) -> Bool { field == .createdAt || field == .updatedAt }

    /// `TicketScope.contains`.
    private mutating func addScope(_ scope: TicketScope) {
        conditions.append("organization_id = \(statement.bind(scope.organizationID.uuid))")
        switch scope {
        case .organization:
            break
        case .customer(_, let user):
            conditions.append("customer_id = \(statement.bind(user.uuid))")
        case .staff(_, let user, let departments, let wholeDepartments):
            // A ticket with no department counts as in every department.
            let inDepartment = departments.isEmpty
                ? "department_id IS NULL"
                : "(department_id IS NULL OR department_id = ANY(\(statement.bind(DepartmentID.sortedUUIDs(departments)))))"
            let departmental = wholeDepartments ? inDepartment : "(\(inDepartment) AND assignee_id IS NULL)"
            let me = statement.bind(user.uuid)
            conditions.append("(assignee_id = \(me) OR participant_ids @> ARRAY[\(me)] OR \(departmental))")
        }
    }

    /// `TicketFilter.matches`: every condition ANDed, an empty set meaning "any".
    private mutating func addFilter(_ filter: TicketFilter) {
        addMembership("status", filter.statuses.map(\.rawValue).sorted())
        addMembership("priority", filter.priorities.map(\.rank).sorted())
        addMembership("category", filter.categories.sorted())
        switch filter.assignee {
        case nil: break
        case .none?: conditions.append("assignee_id IS NULL")
        case .user(let id)?: conditions.append("assignee_id = \(statement.bind(id.uuid))")
        }
        // `= ANY` never matches NULL: a ticket without department is outside any department filter.
        addMembership("department_id", DepartmentID.sortedUUIDs(filter.departmentIDs))
        if let tag = filter.tag { conditions.append("tags @> ARRAY[\(statement.bind(tag.lowercased()))]") }
        if let customer = filter.customerID { conditions.append("customer_id = \(statement.bind(customer.uuid))") }
        addMembership("channel", filter.channels.map(\.rawValue).sorted())
        if let from = filter.createdFrom { conditions.append("created_at >= \(statement.bind(Timestamp.notBefore(from)))") }
        if let before = filter.createdBefore { conditions.append("created_at < \(statement.bind(Timestamp.notBefore(before)))") }
        if let from = filter.updatedFrom { conditions.append("updated_at >= \(statement.bind(Timestamp.notBefore(from)))") }
        if let before = filter.updatedBefore { conditions.append("updated_at < \(statement.bind(Timestamp.notBefore(before)))") }
    }

    private mutating func addMembership<Value: PostgresArrayEncodable & PostgresNonThrowingEncodable>(_ column: String, _ values: [Value]) {
        guard !values.isEmpty else { return }
        conditions.append("\(column) = ANY(\(statement.bind(values)))")
    }
}
