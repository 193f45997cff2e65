import Domain
import Foundation
import Hummingbird

/// The query string of `GET /tickets` (SPEC §12): filters, sort, cursor and limit. A list parameter
/// takes comma-separated values and may repeat (`status=open,assigned&status=escalated`). Anything that
/// cannot be parsed is a 400 naming the parameter; values are never silently dropped.
struct TicketListQuery {
    var filter = TicketFilter()
    var sort = TicketSort()
    var cursor: TicketCursor?
    var limit = TicketQuery.defaultLimit

    init(_ parameters: Parameters, actor: Actor) throws(APIError) {
        var problems: [FieldViolation] = []
        func values(_ name: String) -> [String] {
            parameters.getAll(name).flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }.filter { !$0.isEmpty }
        }
        func choices<E: RawRepresentable & CaseIterable & Hashable>(_ name: String) -> Set<E> where E.RawValue == String {
            var result: Set<E> = []
            for text in values(name) {
                if let value = E(rawValue: text) {
                    result.insert(value)
                } else {
                    problems.append(FieldViolation(field: name, message: "\"\(text)\" is not one of \(E.allCases.map(\.rawValue).joined(separator: ", "))"))
                }
            }
            return result
        }
        func single(_ name: String) -> String? { parameters.getAll(name).last }
        func time(_ name: String) -> Date? {
            guard let text = single(name) else { return nil }
            guard let date = WireTime.parse(text) else {
                problems.append(FieldViolation(field: name, message: "must be an ISO 8601 time, e.g. 2026-01-31T00:00:00Z"))
                return nil
            }
            return date
        }
        func id<Entity>(_ name: String, _ text: String) -> Identifier<Entity>? {
            guard let id = Identifier<Entity>(text) else {
                problems.append(FieldViolation(field: name, message: "\"\(text)\" is not an id"))
                return nil
            }
            return id
        }

        if single("q") != nil {
            problems.append(FieldViolation(field: "q", message: "full-text search is not available yet; use the filters"))
        }
        filter.statuses = choices("status")
        filter.priorities = choices("priority")
        filter.channels = choices("channel")
        filter.categories = Set(values("category"))
        if let assignee = single("assignee") {
            switch assignee {
            case "me": filter.assignee = .user(actor.userID)
            case "none": filter.assignee = AssigneeFilter.none
            default: if let user: UserID = id("assignee", assignee) { filter.assignee = .user(user) }
            }
        }
        filter.departmentIDs = Set(values("department").compactMap { id("department", $0) })
        filter.tag = single("tag")
        if let customer = single("customer") { filter.customerID = id("customer", customer) }
        filter.createdFrom = time("createdFrom")
        filter.createdBefore = time("createdBefore")
        filter.updatedFrom = time("updatedFrom")
        filter.updatedBefore = time("updatedBefore")
        if let text = single("sort") {
            if let parsed = TicketSort(parsing: text) {
                sort = parsed
            } else {
                let fields = TicketSort.Field.allCases.map(\.rawValue)
                problems.append(FieldViolation(field: "sort", message: "must be one of \((fields + fields.map { "-" + $0 }).joined(separator: ", "))"))
            }
        }
        if let text = single("cursor") {
            cursor = TicketCursor(encoded: text)
            if cursor == nil { problems.append(FieldViolation(field: "cursor", message: "is not a cursor this API returned")) }
        }
        if let text = single("limit") {
            if let value = Int(text) { limit = value } else { problems.append(FieldViolation(field: "limit", message: "must be an integer")) }
        }
        if !problems.isEmpty { throw .badParameters(problems) }
    }
}
