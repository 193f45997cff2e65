import Domain
import GRDB

/// Writes one change of a unit of work inside the committing transaction.
enum UnitOfWorkWriter {
    static func apply(_ change: UnitOfWork.Change, _ db: Database, receipt: inout CommitReceipt) throws {
        switch change {
        case .insertOrganization(let organization):
            try OrganizationRow(organization).insert(db)

        case .insertUser(let user):
            try requireOrganization(user.organizationID, db)
            try UserRow(user).insert(db)
        case .updateUser(let user, let expectedVersion):
            guard try UserRow(user).update(db, expectedVersion: expectedVersion) else {
                throw try failedUpdate(.user, id: user.id.description, organization: user.organizationID, db)
            }

        case .insertAgentProfile(let profile):
            try requireOrganization(profile.organizationID, db)
            guard try exists(.user, id: profile.userID.description, organization: profile.organizationID, db) else {
                throw StorageError.missing(entity: EntityTable.user.entity, id: profile.userID.description)
            }
            try AgentProfileRow(profile).insert(db)
        case .updateAgentProfile(let profile, let expectedVersion):
            guard try AgentProfileRow(profile).update(db, expectedVersion: expectedVersion) else {
                throw try failedUpdate(.agentProfile, id: profile.userID.description, organization: profile.organizationID, db)
            }

        case .insertDepartment(let department):
            try requireOrganization(department.organizationID, db)
            try DepartmentRow(department).insert(db)
        case .updateDepartment(let department, let expectedVersion):
            guard try DepartmentRow(department).update(db, expectedVersion: expectedVersion) else {
                throw try failedUpdate(.department, id: department.id.description, organization: department.organizationID, db)
            }

        case .insertTicket(let ticket, let idempotencyKey):
            try requireOrganization(ticket.organizationID, db)
            // The key goes first so that a retried request fails on its key, whatever ticket it carries.
            if let idempotencyKey { try IdempotencyKeyRow.insert(db, key: idempotencyKey, ticket: ticket.id) }
            let number = try TicketNumberCounter.next(db, organization: ticket.organizationID)
            try TicketRow(ticket).insert(db, number: number)
            receipt.ticketNumbers[ticket.id] = number
        case .updateTicket(let ticket, let expectedVersion):
            guard try TicketRow(ticket).update(db, expectedVersion: expectedVersion) else {
                throw try failedUpdate(.ticket, id: ticket.id.description, organization: ticket.organizationID, db)
            }

        case .insertMessage(let message):
            try requireTicket(message.ticketID, in: message.organizationID, db)
            try MessageRow.insert(db, message)
        case .appendAuditEvent(let event):
            try requireTicket(event.ticketID, in: event.organizationID, db)
            try AuditEventRow.insert(db, event)

        case .insertRefreshToken(let token):
            guard try exists(.user, id: token.userID.description, organization: token.organizationID, db) else {
                throw StorageError.missing(entity: EntityTable.user.entity, id: token.userID.description)
            }
            try RefreshTokenRow.insert(db, token)
        case .consumeRefreshToken(let id, let organization, let at):
            // Already consumed or revoked is a conflict: two refreshes with one token cannot both succeed.
            guard try RefreshTokenRow.consume(db, id: id, organization: organization, at: at) else {
                throw try failedUpdate(.refreshToken, id: id.description, organization: organization, db)
            }
        case .revokeRefreshTokenFamily(let family, let organization, let at):
            try RefreshTokenRow.revokeFamily(db, family: family, organization: organization, at: at)

        case .enqueueJob(let job):
            try requireOrganization(job.organizationID, db)
            try JobRow.insert(db, job)
        case .completeJob(let id, let holder):
            guard try JobRow.complete(db, id: id, holder: holder) else {
                throw try failedUpdate(.job, id: id.description, organization: nil, db)
            }
        case .rescheduleJob(let id, let holder, let runAt, let error):
            guard try JobRow.reschedule(db, id: id, holder: holder, runAt: runAt, error: error) else {
                throw try failedUpdate(.job, id: id.description, organization: nil, db)
            }
        case .failJob(let id, let holder, let error):
            guard try JobRow.fail(db, id: id, holder: holder, error: error) else {
                throw try failedUpdate(.job, id: id.description, organization: nil, db)
            }
        case .requeueJob(let id, let organization, let runAt):
            guard try JobRow.requeue(db, id: id, organization: organization, runAt: runAt) else {
                throw try failedUpdate(.job, id: id.description, organization: organization, db)
            }

        case .guardAgentCapacity(let agentID, let organization, let requireAvailable):
            // The unit runs in an IMMEDIATE transaction: no other writer interleaves, so the count is exactly
            // what the unit leaves.
            try guardCapacity(agentID, organization: organization, requireAvailable: requireAvailable, db)
        case .setRoutingCursor(let cursor, let expectedVersion):
            try requireOrganization(cursor.organizationID, db)
            guard try RoutingCursorRow.store(db, cursor, expectedVersion: expectedVersion) else {
                throw StorageError.versionConflict(entity: StorageEntity.routingCursor, id: RoutingCursorRow.key(cursor.departmentID))
            }

        case .setNotificationTemplate(let id, let kind, let template):
            guard try OrganizationRow.setNotificationTemplate(db, organization: id, kind: kind, template: template) else {
                throw StorageError.missing(entity: EntityTable.organization.entity, id: id.description)
            }

        // MARK: realtime
        case .recordEvent(let event):
            try RecordedEventRow.insert(db, event)
        case .removeRelayedEvents(let ids):
            try RecordedEventRow.remove(db, ids: ids)

        // MARK: SLA engine
        case .replaceSLAPolicies(let organization, let policies):
            try requireOrganization(organization, db)
            try SLAConfigurationRow.replace(db, policies: policies, of: organization)
        case .replaceBusinessHours(let organization, let hours):
            try requireOrganization(organization, db)
            try SLAConfigurationRow.replace(db, hours: hours, of: organization)
        case .saveTicketSLA(let record, let expectedVersion):
            if let expectedVersion {
                guard try TicketSLARow.update(db, record, expectedVersion: expectedVersion) else {
                    throw try failedUpdate(.ticketSLA, id: record.ticketID.description, organization: record.organizationID, db)
                }
            } else {
                try requireTicket(record.ticketID, in: record.organizationID, db)
                try TicketSLARow.insert(db, record)
            }

        // MARK: attachments
        case .insertAttachment(let attachment):
            try requireTicket(attachment.ticketID, in: attachment.organizationID, db)
            try AttachmentRow.insert(db, attachment)
        case .attachAttachment(let id, let organization, let messageID, let isInternal):
            guard try AttachmentRow.attach(db, id: id, organization: organization, message: messageID, isInternal: isInternal) else {
                throw try failedUpdate(.attachment, id: id.description, organization: organization, db)
            }
        case .deletePendingAttachment(let id, let organization):
            // Nothing deleted: absent is fine (repeatable); still there means it was attached meanwhile.
            if try !AttachmentRow.deletePending(db, id: id, organization: organization),
                try exists(.attachment, id: id.description, organization: organization, db)
            {
                throw StorageError.versionConflict(entity: StorageEntity.attachment, id: id.description)
            }

        // MARK: routing policy
        case .appendAvailabilityChange(let record):
            guard try exists(.agentProfile, id: record.agentID.description, organization: record.organizationID, db) else {
                throw StorageError.missing(entity: EntityTable.agentProfile.entity, id: record.agentID.description)
            }
            try AvailabilityChangeRow.insert(db, record)
        }
    }

    private static func guardCapacity(_ agentID: UserID, organization: OrganizationID, requireAvailable: Bool, _ db: Database) throws {
        let profile = try db.row(
            sql: "SELECT availability, max_concurrent_tickets FROM agent_profiles WHERE user_id = ? AND organization_id = ?",
            arguments: [agentID.description, organization.description])
        guard let profile else { throw StorageError.missing(entity: StorageEntity.agentProfile, id: agentID.description) }
        let active = RoutingSQL.activeStatuses
        let load = try db.value(
            Int.self,
            sql: "SELECT COUNT(*) FROM tickets WHERE organization_id = ? AND assignee_id = ? AND status IN (\(SQLList.placeholders(active.count)))",
            arguments: StatementArguments([organization.description, agentID.description] + active)) ?? 0
        let available = try profile.text("availability") == Availability.available.rawValue
        guard load <= (try profile.integer("max_concurrent_tickets")), !requireAvailable || available else {
            throw StorageError.versionConflict(entity: StorageEntity.agentProfile, id: agentID.description)
        }
    }

    private static func requireOrganization(_ id: OrganizationID, _ db: Database) throws {
        guard try exists(.organization, id: id.description, organization: nil, db) else {
            throw StorageError.missing(entity: EntityTable.organization.entity, id: id.description)
        }
    }

    private static func requireTicket(_ id: TicketID, in organization: OrganizationID, _ db: Database) throws {
        guard try exists(.ticket, id: id.description, organization: organization, db) else {
            throw StorageError.missing(entity: EntityTable.ticket.entity, id: id.description)
        }
    }

    /// An update that changed no row either named an absent record or carried a stale version (or, for
    /// tokens and jobs, found the record in a state the change does not apply to). Finishing a job names
    /// no organization: the holder's lease is what makes it theirs.
    private static func failedUpdate(_ table: EntityTable, id: String, organization: OrganizationID?, _ db: Database) throws -> StorageError {
        try exists(table, id: id, organization: organization, db)
            ? .versionConflict(entity: table.entity, id: id)
            : .missing(entity: table.entity, id: id)
    }

    private static func exists(_ table: EntityTable, id: String, organization: OrganizationID?, _ db: Database) throws -> Bool {
        if let organization {
            try db.value(Bool.self, sql: "SELECT EXISTS (SELECT 1 FROM \(table.name) WHERE \(table.key) = ? AND organization_id = ?)",
                              arguments: [id, organization.description]) ?? false
        } else {
            try db.value(Bool.self, sql: "SELECT EXISTS (SELECT 1 FROM \(table.name) WHERE \(table.key) = ?)", arguments: [id]) ?? false
        }
    }
}
