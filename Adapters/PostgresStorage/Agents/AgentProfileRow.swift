import Domain
import PostgresNIO

/// A row of `agent_profiles`, mapped to and from `AgentProfile`.
enum AgentProfileRow {
    static let selectSQL = """
        SELECT user_id, organization_id, employee_id, department_ids, tier, skills, languages, availability,
            max_concurrent_tickets, max_concurrent_chats, shift, statistics, created_at, updated_at, version
        FROM agent_profiles
        """

    /// Inserts the profile if its user exists in its organization; reports whether it did.
    static func insert(_ transaction: Transaction, _ profile: AgentProfile) async throws -> Bool {
        let shift = try JSONColumn.encode(profile.shift)
        let statistics = try JSONColumn.encode(profile.statistics)
        return try await transaction.affectsRow("""
            INSERT INTO agent_profiles (user_id, organization_id, employee_id, department_ids, tier, skills, languages,
                availability, max_concurrent_tickets, max_concurrent_chats, shift, statistics, created_at, updated_at, version)
            SELECT id, organization_id, \(profile.employeeID), \(DepartmentID.sortedUUIDs(profile.departmentIDs)), \(profile.tier),
                \(profile.skills.sorted()), \(profile.languages.sorted()), \(profile.availability.rawValue),
                \(profile.maxConcurrentTickets), \(profile.maxConcurrentChats), \(shift), \(statistics),
                \(Timestamp(profile.createdAt)), \(Timestamp(profile.updatedAt)), \(profile.version)
            FROM users WHERE id = \(profile.userID.uuid) AND organization_id = \(profile.organizationID.uuid)
            RETURNING 1
            """)
    }

    /// Applies the update if the stored version is `expectedVersion`; reports whether a row changed.
    static func update(_ transaction: Transaction, _ profile: AgentProfile, expectedVersion: Int) async throws -> Bool {
        let shift = try JSONColumn.encode(profile.shift)
        let statistics = try JSONColumn.encode(profile.statistics)
        return try await transaction.affectsRow("""
            UPDATE agent_profiles SET employee_id = \(profile.employeeID),
                department_ids = \(DepartmentID.sortedUUIDs(profile.departmentIDs)), tier = \(profile.tier),
                skills = \(profile.skills.sorted()), languages = \(profile.languages.sorted()),
                availability = \(profile.availability.rawValue), max_concurrent_tickets = \(profile.maxConcurrentTickets),
                max_concurrent_chats = \(profile.maxConcurrentChats), shift = \(shift), statistics = \(statistics),
                updated_at = \(Timestamp(profile.updatedAt)), version = \(profile.version)
            WHERE user_id = \(profile.userID.uuid) AND organization_id = \(profile.organizationID.uuid) AND version = \(expectedVersion)
            RETURNING 1
            """)
    }

    static func profile(from row: RowReader) throws -> AgentProfile {
        AgentProfile(
            userID: try row.id("user_id"),
            organizationID: try row.id("organization_id"),
            employeeID: try row.optionalText("employee_id"),
            departmentIDs: Set(try row.ids("department_ids")),
            tier: try row.integer("tier"),
            skills: Set(try row.value("skills", as: [String].self)),
            languages: Set(try row.value("languages", as: [String].self)),
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
