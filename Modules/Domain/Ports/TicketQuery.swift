import Foundation

/// A filtered, sorted, paginated read of tickets (§12). Adapters must return exactly the tickets
/// that `matches(_:)` accepts, in `sort` order with ties broken by id, starting after `cursor`.
public struct TicketQuery: Sendable, Equatable {
    public var scope: TicketScope
    public var filter: TicketFilter
    public var sort: TicketSort
    public var cursor: TicketCursor?
    /// 1…200.
    public var limit: Int

    public static let maximumLimit = 200
    public static let defaultLimit = 50

    public init(scope: TicketScope, filter: TicketFilter = .init(), sort: TicketSort = .init(), cursor: TicketCursor? = nil, limit: Int = TicketQuery.defaultLimit) {
        self.scope = scope
        self.filter = filter
        self.sort = sort
        self.cursor = cursor
        self.limit = limit
    }

    /// Reference semantics of scope + filter (cursor and limit aside).
    public func matches(_ ticket: Ticket) -> Bool { scope.contains(ticket) && filter.matches(ticket) }
}

/// Assignee filter: `me` is resolved to `.user` by the use case.
public enum AssigneeFilter: Sendable, Equatable {
    case none
    case user(UserID)
}

/// All conditions are ANDed; a set condition matches any of its members; `nil` or empty means "any".
public struct TicketFilter: Sendable, Equatable {
    public var statuses: Set<TicketStatus>
    public var priorities: Set<Priority>
    public var categories: Set<String>
    public var assignee: AssigneeFilter?
    public var departmentIDs: Set<DepartmentID>
    public var tag: String?
    public var customerID: UserID?
    public var channels: Set<Channel>
    /// Inclusive lower and exclusive upper bounds on `createdAt` / `updatedAt`.
    public var createdFrom: Date?
    public var createdBefore: Date?
    public var updatedFrom: Date?
    public var updatedBefore: Date?

    public init(
        statuses: Set<TicketStatus> = [], priorities: Set<Priority> = [], categories: Set<String> = [],
        assignee: AssigneeFilter? = nil, departmentIDs: Set<DepartmentID> = [], tag: String? = nil,
        customerID: UserID? = nil, channels: Set<Channel> = [], createdFrom: Date? = nil, createdBefore: Date? = nil,
        updatedFrom: Date? = nil, updatedBefore: Date? = nil
    ) {
        self.statuses = statuses
        self.priorities = priorities
        self.categories = categories
        self.assignee = assignee
        self.departmentIDs = departmentIDs
        self.tag = tag
        self.customerID = customerID
        self.channels = channels
        self.createdFrom = createdFrom
        self.createdBefore = createdBefore
        self.updatedFrom = updatedFrom
        self.updatedBefore = updatedBefore
    }

    public func matches(_ t: Ticket) -> Bool {
        if !statuses.isEmpty, !statuses.contains(t.status) { return false }
        if !priorities.isEmpty, !priorities.contains(t.priority) { return false }
        if !categories.isEmpty, !categories.contains(t.category) { return false }
        switch assignee {
        case nil: break
        case .none?: if t.assigneeID != nil { return false }
        case .user(let id)?: if t.assigneeID != id { return false }
        }
        if !departmentIDs.isEmpty, !(t.departmentID.map(departmentIDs.contains) ?? false) { return false }
        if let tag, !t.tags.contains(tag.lowercased()) { return false }
        if let customerID, t.customerID != customerID { return false }
        if !channels.isEmpty, !channels.contains(t.channel) { return false }
        if let createdFrom, t.createdAt < createdFrom { return false }
        if let createdBefore, t.createdAt >= createdBefore { return false }
        if let updatedFrom, t.updatedAt < updatedFrom { return false }
        if let updatedBefore, t.updatedAt >= updatedBefore { return false }
        return true
    }
}

/// Sort order of a ticket list; ties are always broken by id in the same direction.
public struct TicketSort: Sendable, Equatable {
    public enum Field: String, Sendable, CaseIterable {
        case createdAt, updatedAt, priority, number
    }

    public var field: Field
    public var descending: Bool

    public init(field: Field = .createdAt, descending: Bool = true) {
        self.field = field
        self.descending = descending
    }

    /// Parses `createdAt`, `-createdAt` (descending), `priority`, `-priority` …
    public init?(parsing text: String) {
        let descending = text.hasPrefix("-")
        guard let field = Field(rawValue: descending ? String(text.dropFirst()) : text) else { return nil }
        self.init(field: field, descending: descending)
    }

    /// The value a ticket is sorted by, as a number (dates as milliseconds since 1970).
    public func key(of ticket: Ticket) -> Int64 {
        switch field {
        case .createdAt: Int64((ticket.createdAt.timeIntervalSince1970 * 1000).rounded(.down))
        case .updatedAt: Int64((ticket.updatedAt.timeIntervalSince1970 * 1000).rounded(.down))
        case .priority: Int64(ticket.priority.rank)
        case .number: Int64(ticket.number.value)
        }
    }

    /// Whether `a` comes before `b` in this order (reference semantics for adapters).
    public func precedes(_ a: Ticket, _ b: Ticket) -> Bool {
        let ka = key(of: a), kb = key(of: b)
        if ka != kb { return descending ? ka > kb : ka < kb }
        return descending ? b.id < a.id : a.id < b.id
    }
}

/// Position after which the next page starts: the sort key and id of the last item returned.
/// Opaque to clients; `encoded` / `init(encoded:)` give its wire form.
public struct TicketCursor: Sendable, Equatable {
    public let key: Int64
    public let id: TicketID

    public init(key: Int64, id: TicketID) {
        self.key = key
        self.id = id
    }

    public init(after ticket: Ticket, sort: TicketSort) {
        self.init(key: sort.key(of: ticket), id: ticket.id)
    }

    /// Whether a ticket lies strictly after this cursor in `sort` order.
    public func admits(_ ticket: Ticket, sort: TicketSort) -> Bool {
        let k = sort.key(of: ticket)
        if k != key { return sort.descending ? k < key : k > key }
        return sort.descending ? ticket.id < id : id < ticket.id
    }

    public var encoded: String { "\(key)_\(id)" }

    public init?(encoded: String) {
        let parts = encoded.split(separator: "_")
        guard parts.count == 2, let key = Int64(parts[0]), let id = TicketID(String(parts[1])) else { return nil }
        self.init(key: key, id: id)
    }
}

/// One page of a list.
public struct Page<Item: Sendable>: Sendable {
    public let items: [Item]
    /// Present when more items follow.
    public let nextCursor: TicketCursor?

    public init(items: [Item], nextCursor: TicketCursor?) {
        self.items = items
        self.nextCursor = nextCursor
    }
}

extension Page: Equatable where Item: Equatable {}
