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
