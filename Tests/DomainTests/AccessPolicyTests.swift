import Domain
import Foundation
import Testing

/// The whole permission matrix of §14: role × relationship to the ticket × action.
struct AccessPolicyTests {
    static let org = OrganizationID(UUID())
    static let otherOrg = OrganizationID(UUID())
    static let dept = DepartmentID(UUID())
    static let otherDept = DepartmentID(UUID())
    static let me = UserID(UUID())
    static let someoneElse = UserID(UUID())

    /// How the acting user relates to the ticket under test.
    enum Relation: String, CaseIterable, CustomTestStringConvertible {
        case ownTicket            // customer: opened it
        case othersTicket         // customer: someone else's
        case assignedToMe         // staff
        case participated         // staff: took part before, now assigned elsewhere
        case queueInMyDepartment  // staff: unassigned, my department
        case queueNoDepartment    // staff: unassigned, no department
        case assignedInMyDepartment
        case otherDepartment      // assigned to someone else in another department
        case otherOrganization
        var testDescription: String { rawValue }
    }

    static func ticket(_ relation: Relation, role: Role) -> Ticket {
        var t = Ticket(
            id: TicketID(UUID()), organizationID: org, customerID: someoneElse, contact: Contact(name: "C"),
            subject: "s", description: "d", departmentID: dept, createdAt: Date(timeIntervalSince1970: 0)
        )
        switch relation {
        case .ownTicket: t.customerID = me
        case .othersTicket: break
        case .assignedToMe: t.assigneeID = me; t.participantIDs = [me]
        case .participated: t.assigneeID = someoneElse; t.participantIDs = [me, someoneElse]; t.departmentID = otherDept
        case .queueInMyDepartment: break
        case .queueNoDepartment: t.departmentID = nil
        case .assignedInMyDepartment: t.assigneeID = someoneElse
        case .otherDepartment: t.assigneeID = someoneElse; t.departmentID = otherDept
        case .otherOrganization:
            t = Ticket(id: t.id, organizationID: otherOrg, customerID: me, contact: t.contact, subject: "s", description: "d",
                       assigneeID: me, createdAt: t.createdAt)
        }
        _ = role
        return t
    }

    static func actor(_ role: Role) -> Actor {
        Actor(userID: me, organizationID: org, role: role, departmentIDs: role.isStaff ? [dept] : [])
    }

    /// For staff, the customer relations are plain unassigned tickets of their department.
    static func normalized(_ role: Role, _ relation: Relation) -> Relation {
        role.isStaff && (relation == .ownTicket || relation == .othersTicket) ? .queueInMyDepartment : relation
    }

    /// Expected visibility per role and relation.
    static func visible(_ role: Role, _ relation: Relation) -> Bool {
        switch (role, normalized(role, relation)) {
        case (_, .otherOrganization): false
        case (.customer, .ownTicket): true
        case (.customer, _): false
        case (.admin, _): true
        case (.agent, .assignedToMe), (.agent, .participated), (.agent, .queueInMyDepartment), (.agent, .queueNoDepartment): true
        case (.agent, _): false
        case (.supervisor, .otherDepartment): false
        case (.supervisor, _): true
        }
    }

    /// Expected permission for an action on a visible ticket.
    static func allowed(_ role: Role, _ relation: Relation, _ action: TicketAction) -> Bool {
        guard visible(role, relation) else { return false }
        let relation = normalized(role, relation)
        let unassigned = [.queueInMyDepartment, .queueNoDepartment, .ownTicket, .othersTicket].contains(relation)
        switch role {
        case .admin:
            return true
        case .customer:
            return [.view, .reply, .reopen, .close, .rate].contains(action)
        case .agent:
            switch action {
            case .view, .viewHistory, .viewInternalNotes, .addInternalNote: return true
            case .take: return unassigned
            case .assign, .rate, .merge: return false
            default: return relation == .assignedToMe || relation == .participated
            }
        case .supervisor:
            switch action {
            case .rate: return false
            case .take: return unassigned
            default: return true
            }
        }
    }

    static let cases: [(Role, Relation, TicketAction)] = Role.allCases.flatMap { role in
        Relation.allCases.flatMap { relation in TicketAction.allCases.map { (role, relation, $0) } }
    }

    @Test("ticket permission matrix", arguments: cases)
    func matrix(role: Role, relation: Relation, action: TicketAction) {
        let t = Self.ticket(relation, role: role)
        let a = Self.actor(role)
        let expected = Self.allowed(role, relation, action)
        #expect(AccessPolicy.allows(a, action, on: t) == expected, "\(role.rawValue) \(action.rawValue) on \(relation.rawValue)")
        #expect(AccessPolicy.canView(a, t) == Self.visible(role, relation), "\(role.rawValue) view \(relation.rawValue)")
    }

    @Test("invisible tickets are not found, visible but refused ones are forbidden", arguments: Role.allCases)
    func denialKinds(role: Role) {
        let a = Self.actor(role)
        for relation in Relation.allCases {
            let t = Self.ticket(relation, role: role)
            for action in TicketAction.allCases {
                do {
                    try AccessPolicy.authorize(a, action, on: t)
                    #expect(Self.allowed(role, relation, action), "\(role) \(action) \(relation) was authorized")
                } catch {
                    if Self.visible(role, relation) {
                        #expect(error == .forbidden(reason: "a \(role.rawValue) may not \(action.rawValue) this ticket"))
                    } else {
                        #expect(error == .notFound(entity: "ticket"), "\(role) \(action) \(relation)")
                    }
                }
            }
        }
    }

    @Test("organization-wide permissions", arguments: Role.allCases)
    func organizationActions(role: Role) {
        let a = Self.actor(role)
        for action in OrganizationAction.allCases {
            let expected: Bool = switch action {
            case .createTicket: true
            case .listAgents, .viewQueue, .setOwnAvailability: role != .customer
            case .manageAgents, .manageDepartments, .manageUsers, .manageSLA: role == .admin
            case .viewAnalytics: role == .admin || role == .supervisor
            case .viewAgentHistory: role == .admin || role == .supervisor
            }
            #expect(AccessPolicy.allows(a, action) == expected, "\(role.rawValue) \(action.rawValue)")
        }
    }

    @Test("assignment: supervisors and admins assign anyone, agents only themselves to unassigned tickets", arguments: Role.allCases)
    func assignment(role: Role) {
        let a = Self.actor(role)
        let queued = Self.ticket(.queueInMyDepartment, role: role)
        let mine = Self.ticket(.assignedToMe, role: role)
        switch role {
        case .admin, .supervisor:
            #expect(AccessPolicy.mayAssign(a, queued, to: Self.someoneElse))
            #expect(AccessPolicy.mayAssign(a, mine, to: Self.someoneElse))
        case .agent:
            #expect(AccessPolicy.mayAssign(a, queued, to: Self.me))
            #expect(!AccessPolicy.mayAssign(a, queued, to: Self.someoneElse))
            #expect(!AccessPolicy.mayAssign(a, mine, to: Self.someoneElse))
        case .customer:
            #expect(!AccessPolicy.mayAssign(a, Self.ticket(.ownTicket, role: role), to: Self.me))
        }
        #expect(AccessPolicy.seesInternal(a) == role.isStaff)
    }
}
