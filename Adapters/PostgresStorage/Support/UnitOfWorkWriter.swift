import Domain
import PostgresNIO
import Foundation

/// Writes one change of a unit of work inside the committing transaction. Inserts that need a parent
/// (an organization, a user, a ticket) are single statements that insert nothing when the parent is
/// absent; updates check the version in their WHERE clause. Only when a statement changed no row does
/// a second query tell "absent" from "stale".
enum UnitOfWorkWriter {
    static func apply(_ change: UnitOfWork.Change, _ transaction: Transaction, receipt: inout CommitReceipt) async throws {
        switch change {
        case .insertOrganization(let organization):
            try await OrganizationRow.insert(transaction, organization)

        case .insertUser(let user):
            guard try await UserRow.insert(transaction, user) else { throw missing(.organization, user.organizationID.description) }
        case .updateUser(let user, let expectedVersion):
            guard try await UserRow.update(transaction, user, expectedVersion: expectedVersion) else {
                throw try await failedUpdate(.user, id: user.id.uuid, organization: user.organizationID, transaction)
            }

        case .insertAgentProfile(let profile):
            guard try await AgentProfileRow.insert(transaction, profile) else { throw missing(.user, profile.userID.description) }
        case .updateAgentProfile(let profile, let expectedVersion):
            guard try await AgentProfileRow.update(transaction, profile, expectedVersion: expectedVersion) else {
                throw try await failedUpdate(.agentProfile, id: profile.userID.uuid, organization: profile.organizationID, transaction)
            }

        case .insertDepartment(let department):
            guard try await DepartmentRow.insert(transaction, department) else { throw missing(.organization, department.organizationID.description) }
        case .updateDepartment(let department, let expectedVersion):
            guard try await DepartmentRow.update(transaction, department, expectedVersion: expectedVersion) else {
                throw try await failedUpdate(.department, id: department.id.uuid, organization: department.organizationID, transaction)
            }

        case .insertTicket(let ticket, let idempotencyKey):
            guard let number = try await TicketRow(ticket).insert(transaction) else {
                throw missing(.organization, ticket.organizationID.description)
            }
            if let idempotencyKey { try await IdempotencyKeyRow.insert(transaction, key: idempotencyKey, ticket: ticket.id) }
            receipt.ticketNumbers[ticket.id] = number
        case .updateTicket(let ticket, let expectedVersion):
            guard try await TicketRow(ticket).update(transaction, expectedVersion: expectedVersion) else {
                throw try await failedUpdate(.ticket, id: ticket.id.uuid, organization: ticket.organizationID, transaction)
            }

        case .insertMessage(let message):
            guard try await MessageRow.insert(transaction, message) else { throw missing(.ticket, message.ticketID.description) }
        case .appendAuditEvent(let event):
            guard try await AuditEventRow.insert(transaction, event) else { throw missing(.ticket, event.ticketID.description) }

        case .insertRefreshToken(let token):
            guard try await RefreshTokenRow.insert(transaction, token) else { throw missing(.user, token.userID.description) }
        case .consumeRefreshToken(let id, let organization, let at):
            guard try await RefreshTokenRow.consume(transaction, id, organization: organization, at: at) else {
                throw try await failedUpdate(.refreshToken, id: id.uuid, organization: organization, transaction)
            }
        case .revokeRefreshTokenFamily(let family, let organization, let at):
            try await RefreshTokenRow.revokeFamily(transaction, family, organization: organization, at: at)

        case .enqueueJob(let job):
            guard try await JobRow.insert(transaction, job) else { throw missing(.organization, job.organizationID.description) }
        case .completeJob(let id, let holder):
            guard try await JobRow.complete(transaction, id, holder: holder) else {
                throw try await failedUpdate(.job, id: id.uuid, organization: nil, transaction)
            }
        case .rescheduleJob(let id, let holder, let runAt, let error):
            guard try await JobRow.reschedule(transaction, id, holder: holder, runAt: runAt, error: error) else {
                throw try await failedUpdate(.job, id: id.uuid, organization: nil, transaction)
            }
        case .failJob(let id, let holder, let error):
            guard try await JobRow.fail(transaction, id, holder: holder, error: error) else {
                throw try await failedUpdate(.job, id: id.uuid, organization: nil, transaction)
            }
        case .requeueJob(let id, let organization, let runAt):
            guard try await JobRow.requeue(transaction, id, organization: organization, runAt: runAt) else {
                throw try await failedUpdate(.job, id: id.uuid, organization: organization, transaction)
            }

        case .guardAgentCapacity(let agentID, let organization, let requireAvailable):
            try await RoutingSQL.guardCapacity(agentID, organization: organization, requireAvailable: requireAvailable, transaction)
        case .setRoutingCursor(let cursor, let expectedVersion):
            guard try await RoutingCursorRow.store(transaction, cursor, expectedVersion: expectedVersion) else {
                let organizationExists = try await transaction.affectsRow("SELECT 1 FROM organizations WHERE id = \(cursor.organizationID.uuid)")
                guard organizationExists else { throw missing(.organization, cursor.organizationID.description) }
                throw StorageError.versionConflict(entity: StorageEntity.routingCursor, id: RoutingCursorRow.key(cursor.departmentID))
            }

        case .setNotificationTemplate(let id, let kind, let template):
            guard try await OrganizationRow.setNotificationTemplate(transaction, organization: id, kind: kind, template: template) else {
                throw missing(.organization, id.description)
            }
        // MARK: realtime
        case .recordEvent(let event):
            try await RecordedEventRow.insert(transaction, event)
        case .removeRelayedEvents(let ids):
            try await RecordedEventRow.remove(transaction, ids: ids)

        // MARK: SLA engine
        case .replaceSLAPolicies(let organization, let policies):
            guard try await SLAConfigurationRow.replace(transaction, policies: policies, of: organization) else {
                throw missing(.organization, organization.description)
            }
        case .replaceBusinessHours(let organization, let hours):
            guard try await SLAConfigurationRow.replace(transaction, hours: hours, of: organization) else {
                throw missing(.organization, organization.description)
            }
        case .saveTicketSLA(let record, let expectedVersion):
            if let expectedVersion {
                guard try await TicketSLARow.update(transaction, record, expectedVersion: expectedVersion) else {
                    throw try await failedUpdate(.ticketSLA, id: record.ticketID.uuid, organization: record.organizationID, transaction)
                }
            } else {
                guard try await TicketSLARow.insert(transaction, record) else { throw missing(.ticket, record.ticketID.description) }
            }

        // MARK: attachments
        case .insertAttachment(let attachment):
            guard try await AttachmentRow.insert(transaction, attachment) else { throw missing(.ticket, attachment.ticketID.description) }
        case .attachAttachment(let id, let organization, let messageID, let isInternal):
            guard try await AttachmentRow.attach(transaction, id, organization: organization, message: messageID, isInternal: isInternal) else {
                throw try await failedUpdate(.attachment, id: id.uuid, organization: organization, transaction)
            }
        case .deletePendingAttachment(let id, let organization):
            // Nothing deleted: absent is fine (repeatable); still there means it was attached meanwhile.
            if try await !AttachmentRow.deletePending(transaction, id, organization: organization),
                case .versionConflict = try await failedUpdate(.attachment, id: id.uuid, organization: organization, transaction)
            {
                throw StorageError.versionConflict(entity: StorageEntity.attachment, id: id.description)
            }

        // MARK: routing policy
        case .appendAvailabilityChange(let record):
            guard try await AvailabilityChangeRow.insert(transaction, record) else { throw missing(.agentProfile, record.agentID.description) }
        }
    }

    static func missing(_ table: EntityTable, _ id: String) -> StorageError {
        .missing(entity: table.entity, id: id)
    }

    /// A guarded write that changed no row either named an absent record (in that organization) or
    /// found it in another state than required (stale version, consumed token, someone else's lease).
    static func failedUpdate(_ table: EntityTable, id: UUID, organization: OrganizationID?, _ transaction: Transaction) async throws -> StorageError {
        let exists: Bool
        if let organization {
            exists = try await transaction.affectsRow(
                "SELECT 1 FROM \(unescaped: table.name) WHERE \(unescaped: table.key) = \(id) AND organization_id = \(organization.uuid)")
        } else {
            exists = try await transaction.affectsRow("SELECT 1 FROM \(unescaped: table.name) WHERE \(unescaped: table.key) = \(id)")
        }
        let description = id.uuidString.lowercased()
        return exists ? .versionConflict(entity: table.entity, id: description) : .missing(entity: table.entity, id: description)
    }
}
