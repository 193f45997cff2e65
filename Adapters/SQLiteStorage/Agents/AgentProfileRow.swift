import Domain
import GRDB

/// A row of `agent_profiles` (plus its `agent_departments` rows), mapped to and from `AgentProfile`.
struct AgentProfileRow {
    static let selectSQL = """
        SELECT user_id, organization_id, employee_id, department_ids, tier, skills, languages, availability,
            max_concurrent_tickets, max_concurrent_chats, shift, statistics, created_at, updated_at, version
        FROM agent_profiles
        """

    let profile: AgentProfile
    var arguments: StatementArguments

    init(_ profile: AgentProfile) throws {
        self.profile = profile
        arguments = [
            "user_id": profile.userID.description,
            "organization_id": profile.organizationID.description,
            "employee_id": profile.employeeID,
            "department_ids": try JSONColumn.encode(ids: profile.departmentIDs),
            "tier": profile.tier,
            "skills": try JSONColumn.encode(set: profile.skills),
            "languages": try JSONColumn.encode(set: profile.languages),
            "availability": profile.availability.rawValue,
            "max_concurrent_tickets": profile.maxConcurrentTickets,
            "max_concurrent_chats": profile.maxConcurrentChats,
            "shift": try JSONColumn.encode(profile.shift),
            "statistics": try JSONColumn.encode(profile.statistics),
            "created_at": profile.createdAt.millisecondsSince1970,
            "updated_at": profile.updatedAt.millisecondsSince1970,
            "version": profile.version,
        ]
    }

    func insert(_ db: Database) throws {
        try db.run(
            sql: """
                INSERT INTO agent_profiles (user_id, organization_id, employee_id, department_ids, tier, skills, languages,
                    availability, max_concurrent_tickets, max_concurrent_chats, shift, statistics, created_at, updated_at, version)
                VALUES (:user_id, :organization_id, :employee_id, :department_ids, :tier, :skills, :languages,
                    :availability, :max_concurrent_tickets, :max_concurrent_chats, :shift, :statistics, :created_at, :updated_at, :version)
                """,
            arguments: arguments)
        try insertDepartments(db)
    }

    /// Applies the update if the stored version is `expectedVersion`; reports whether a row changed.
    func update(_ db: Database, expectedVersion: Int) throws -> Bool {
        try db.run(
            sql: """
                UPDATE agent_profiles SET employee_id = :employee_id, department_ids = :department_ids, tier = :tier,
                    skills = :skills, languages = :languages, availability = :availability,
                    max_concurrent_tickets = :max_concurrent_tickets, max_concurrent_chats = :max_concurrent_chats,
                    shift = :shift, statistics = :statistics, updated_at = :updated_at, version = :version
                WHERE user_id = :user_id AND organization_id = :organization_id AND version = :expected_version
                """,
            arguments: arguments + ["expected_version": expectedVersion])
        guard db.changesCount > 0 else { return false }
        try db.run(sql: "DELETE FROM agent_departments WHERE user_id = ?", arguments: [profile.userID.description])
        try insertDepartments(db)
        return true
    }

    private func insertDepartments(_ db: Database) throws {
        for departmentID in profile.departmentIDs {
            try db.run(
                sql: "INSERT INTO agent_departments (user_id, department_id, organization_id) VALUES (?, ?, ?)",
                arguments: [profile.userID.description, departmentID.description, profile.organizationID.description])
        }
    }

    static func profile(from row: Row) throws -> AgentProfile {
        AgentProfile(
            userID: try row.id("user_id"),
            organizationID: try row.id("organization_id"),
            employeeID: try row.optionalText("employee_id"),
            departmentIDs: Set(try row.json("department_ids", as: [DepartmentID].self)),
            tier: try row.integer("tier"),
            skills: Set(try row.json("skills", as: [String].self)),
            languages: Set(try row.json("languages", as: [String].self)),
            availability: try row.enumeration("availability"),
            maxConcurrentTickets: try row.integer("max_concurrent_tickets"),
            maxConcurrentChats: try row.integer("max_concurrent_chats"),
            shift: try row.json("shift"),
            statistics: try row.json("statistics"),
            createdAt: try row.date("created_at"),
            updatedAt: try row.date("updated_at"),
            version: try row.integer("version"))
    }
}
