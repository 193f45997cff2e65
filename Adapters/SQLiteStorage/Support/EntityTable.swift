import Domain

/// The tables whose rows are looked up by key when a write names them; the names are fixed
/// identifiers of this schema, never input.
enum EntityTable {
    case organization, user, agentProfile, department, ticket, refreshToken, job
    // MARK: SLA engine
    case ticketSLA
    // MARK: attachments
    case attachment

    var name: String {
        switch self {
        case .organization: "organizations"
        case .user: "users"
        case .agentProfile: "agent_profiles"
        case .department: "departments"
        case .ticket: "tickets"
        case .refreshToken: "refresh_tokens"
        case .job: "jobs"
        case .ticketSLA: "ticket_sla"
        case .attachment: "attachments"
        }
    }

    var key: String {
        switch self {
        case .agentProfile: "user_id"
        case .ticketSLA: "ticket_id"
        default: "id"
        }
    }

    /// The entity name reported in `StorageError.missing` / `.versionConflict`.
    var entity: String {
        switch self {
        case .organization: StorageEntity.organization
        case .user: StorageEntity.user
        case .agentProfile: StorageEntity.agentProfile
        case .department: StorageEntity.department
        case .ticket: StorageEntity.ticket
        case .refreshToken: StorageEntity.refreshToken
        case .job: StorageEntity.job
        case .ticketSLA: StorageEntity.ticketSLA
        case .attachment: StorageEntity.attachment
        }
    }
}
