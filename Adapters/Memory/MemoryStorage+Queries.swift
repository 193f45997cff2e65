import Domain
import Foundation

extension MemoryStorage {
    public func organization(id: OrganizationID) async throws -> Organization? {
        try ensureAvailable()
        return state.organizations[id]
    }

    public func organization(slug: String) async throws -> Organization? {
        try ensureAvailable()
        return state.organizations.values.first { $0.slug == slug }
    }

    public func organizations() async throws -> [Organization] {
        try ensureAvailable()
        return state.organizations.values.sorted { $0.id < $1.id }
    }

    public func user(id: UserID, in organization: OrganizationID) async throws -> User? {
        try ensureAvailable()
        return state.users[id].flatMap { $0.organizationID == organization ? $0 : nil }
    }

    public func user(email: EmailAddress, in organization: OrganizationID) async throws -> User? {
        try ensureAvailable()
        return state.users.values.first { $0.organizationID == organization && $0.email == email }
    }

    public func users(email: EmailAddress) async throws -> [User] {
        try ensureAvailable()
        return state.users.values.filter { $0.email == email }.sorted { $0.id < $1.id }
    }

    public func users(in organization: OrganizationID, role: Role?) async throws -> [User] {
        try ensureAvailable()
        return state.users.values
            .filter { $0.organizationID == organization && (role == nil || $0.role == role) }
            .sorted { $0.id < $1.id }
    }

    public func agentProfile(userID: UserID, in organization: OrganizationID) async throws -> AgentProfile? {
        try ensureAvailable()
        return state.agentProfiles[userID].flatMap { $0.organizationID == organization ? $0 : nil }
    }

    public func agentProfiles(in organization: OrganizationID) async throws -> [AgentProfile] {
        try ensureAvailable()
        return state.agentProfiles.values.filter { $0.organizationID == organization }.sorted { $0.userID < $1.userID }
    }

    public func activeTicketCounts(in organization: OrganizationID) async throws -> [UserID: Int] {
        try ensureAvailable()
        var counts: [UserID: Int] = [:]
        for ticket in state.tickets.values where ticket.organizationID == organization && ticket.status.isActive {
            if let assignee = ticket.assigneeID { counts[assignee, default: 0] += 1 }
        }
        return counts
    }

    public func activeTicketCount(of agent: UserID, in organization: OrganizationID) async throws -> Int {
        try ensureAvailable()
        return state.tickets.values.count { $0.organizationID == organization && $0.assigneeID == agent && $0.status.isActive }
    }

    public func department(id: DepartmentID, in organization: OrganizationID) async throws -> Department? {
        try ensureAvailable()
        return state.departments[id].flatMap { $0.organizationID == organization ? $0 : nil }
    }

    public func departments(in organization: OrganizationID) async throws -> [Department] {
        try ensureAvailable()
        return state.departments.values
            .filter { $0.organizationID == organization }
            .sorted { ($0.name, $0.id) < ($1.name, $1.id) }
    }
}
