import Domain
import Foundation

extension MemoryStorageState {
    /// Applies one change of a unit of work, enforcing the port's uniqueness, existence and version rules.
    mutating func apply(_ change: UnitOfWork.Change, receipt: inout CommitReceipt) throws {
        switch change {
        case .insertOrganization(let organization):
            guard organizations[organization.id] == nil else { throw StorageError.duplicate(constraint: .primaryKey) }
            guard !organizations.values.contains(where: { $0.slug == organization.slug }) else {
                throw StorageError.duplicate(constraint: .organizationSlug)
            }
            organizations[organization.id] = organization

        case .insertUser(let user):
            try requireOrganization(user.organizationID)
            guard users[user.id] == nil else { throw StorageError.duplicate(constraint: .primaryKey) }
            try requireUniqueEmail(of: user)
            users[user.id] = user

        case .updateUser(let user, let expectedVersion):
            let stored = try existing(users[user.id], in: user.organizationID, entity: "user", id: user.id.description)
            try requireVersion(stored.version, expectedVersion, entity: "user", id: user.id.description)
            try requireUniqueEmail(of: user)
            users[user.id] = user

        case .insertAgentProfile(let profile):
            _ = try existing(users[profile.userID], in: profile.organizationID, entity: "user", id: profile.userID.description)
            guard agentProfiles[profile.userID] == nil else { throw StorageError.duplicate(constraint: .agentProfile) }
            agentProfiles[profile.userID] = profile

        case .updateAgentProfile(let profile, let expectedVersion):
            let stored = try existing(agentProfiles[profile.userID], in: profile.organizationID, entity: "agent_profile", id: profile.userID.description)
            try requireVersion(stored.version, expectedVersion, entity: "agent_profile", id: profile.userID.description)
            agentProfiles[profile.userID] = profile

        case .insertDepartment(let department):
            try requireOrganization(department.organizationID)
            guard departments[department.id] == nil else { throw StorageError.duplicate(constraint: .primaryKey) }
            try requireUniqueName(of: department)
            departments[department.id] = department

        case .updateDepartment(let department, let expectedVersion):
            let stored = try existing(departments[department.id], in: department.organizationID, entity: "department", id: department.id.description)
            try requireVersion(stored.version, expectedVersion, entity: "department", id: department.id.description)
            try requireUniqueName(of: department)
            departments[department.id] = department

        case .insertTicket(var ticket, let idempotencyKey):
            try requireOrganization(ticket.organizationID)
            guard tickets[ticket.id] == nil else { throw StorageError.duplicate(constraint: .primaryKey) }
            if let idempotencyKey {
                let scope = IdempotencyScope(idempotencyKey)
                guard idempotencyRecords[scope] == nil else { throw StorageError.duplicate(constraint: .idempotencyKey) }
                idempotencyRecords[scope] = IdempotencyRecord(key: idempotencyKey, ticketID: ticket.id)
            }
            let number = TicketNumber((lastTicketNumber[ticket.organizationID] ?? 0) + 1)
            lastTicketNumber[ticket.organizationID] = number.value
            ticket.number = number
            tickets[ticket.id] = ticket
            ticketsByNumber[ticket.organizationID, default: [:]][number] = ticket.id
            receipt.ticketNumbers[ticket.id] = number

        case .updateTicket(var ticket, let expectedVersion):
            let stored = try existing(tickets[ticket.id], in: ticket.organizationID, entity: "ticket", id: ticket.id.description)
            try requireVersion(stored.version, expectedVersion, entity: "ticket", id: ticket.id.description)
            // The number was allocated once and is not the use case's to change.
            ticket.number = stored.number
            tickets[ticket.id] = ticket

        case .insertMessage(let message):
            guard messages[message.id] == nil else { throw StorageError.duplicate(constraint: .primaryKey) }
            _ = try existing(tickets[message.ticketID], in: message.organizationID, entity: "ticket", id: message.ticketID.description)
            messages[message.id] = message

        case .appendAuditEvent(let event):
            guard !auditEventIDs.contains(event.id) else { throw StorageError.duplicate(constraint: .primaryKey) }
            _ = try existing(tickets[event.ticketID], in: event.organizationID, entity: "ticket", id: event.ticketID.description)
            auditEventIDs.insert(event.id)
            auditEvents[event.ticketID, default: []].append(event)

        case .insertRefreshToken(let token):
            _ = try existing(users[token.userID], in: token.organizationID, entity: StorageEntity.user, id: token.userID.description)
            guard refreshTokens[token.id] == nil else { throw StorageError.duplicate(constraint: .primaryKey) }
            guard refreshTokensByDigest[token.digest] == nil else { throw StorageError.duplicate(constraint: .refreshTokenDigest) }
            refreshTokens[token.id] = token
            refreshTokensByDigest[token.digest] = token.id

        case .consumeRefreshToken(let id, let organization, let at):
            var token = try existing(refreshTokens[id], in: organization, entity: StorageEntity.refreshToken, id: id.description)
            guard token.consumedAt == nil, token.revokedAt == nil else {
                throw StorageError.versionConflict(entity: StorageEntity.refreshToken, id: id.description)
            }
            token.consumedAt = at
            refreshTokens[id] = token

        case .revokeRefreshTokenFamily(let family, let organization, let at):
            for (id, token) in refreshTokens where token.familyID == family && token.organizationID == organization && token.revokedAt == nil {
                refreshTokens[id]?.revokedAt = at
            }

        case .enqueueJob(let job):
            try requireOrganization(job.organizationID)
            guard jobs[job.id] == nil else { throw StorageError.duplicate(constraint: .primaryKey) }
            jobs[job.id] = job

        case .completeJob(let id, let holder):
            _ = try leasedJob(id, holder: holder)
            jobs[id] = nil

        case .rescheduleJob(let id, let holder, let runAt, let error):
            var job = try leasedJob(id, holder: holder)
            job.lease = nil
            job.runAt = runAt
            job.lastError = error
            jobs[id] = job

        case .failJob(let id, let holder, let error):
            var job = try leasedJob(id, holder: holder)
            job.lease = nil
            job.state = .failed
            job.lastError = error
            jobs[id] = job

        case .requeueJob(let id, let organization, let runAt):
            var job = try existing(jobs[id], in: organization, entity: StorageEntity.job, id: id.description)
            guard job.state == .failed else { throw StorageError.versionConflict(entity: StorageEntity.job, id: id.description) }
            job.state = .pending
            job.runAt = runAt
            job.attempts = 0
            job.lease = nil
            jobs[id] = job

        case .guardAgentCapacity(let agentID, let organization, let requireAvailable):
            // Commits are serialised by the actor, so the check and the unit's other changes cannot interleave
            // with another unit: the count below is exactly what the unit leaves.
            let profile = try existing(agentProfiles[agentID], in: organization, entity: StorageEntity.agentProfile, id: agentID.description)
            let load = tickets.values.count { $0.organizationID == organization && $0.assigneeID == agentID && $0.status.isActive }
            guard load <= profile.maxConcurrentTickets, !requireAvailable || profile.availability == .available else {
                throw StorageError.versionConflict(entity: StorageEntity.agentProfile, id: agentID.description)
            }

        case .setRoutingCursor(let cursor, let expectedVersion):
            try requireOrganization(cursor.organizationID)
            let stored = routingCursors[cursor.organizationID]?[cursor.departmentID]
            guard (stored?.version ?? 0) == expectedVersion else {
                throw StorageError.versionConflict(
                    entity: StorageEntity.routingCursor, id: cursor.departmentID?.description ?? "none")
            }
            routingCursors[cursor.organizationID, default: [:]][cursor.departmentID] = cursor
        case .setNotificationTemplate(let id, let kind, let template):
            guard var organization = organizations[id] else { throw StorageError.missing(entity: StorageEntity.organization, id: id.description) }
            organization.settings.setNotificationTemplate(template, for: kind)
            organizations[id] = organization
        // MARK: realtime
        case .recordEvent(let event):
            lastRecordedEventID += 1
            recordedEvents[lastRecordedEventID] = event

        case .removeRelayedEvents(let ids):
            for id in ids {
                recordedEvents[id] = nil
                recordedEventLeases[id] = nil
            }

        // MARK: SLA engine
        case .replaceSLAPolicies(let organization, let policies):
            try requireOrganization(organization)
            slaPolicies[organization] = policies

        case .replaceBusinessHours(let organization, let hours):
            try requireOrganization(organization)
            businessHours[organization] = hours

        case .saveTicketSLA(let record, let expectedVersion):
            let id = record.ticketID.description
            if let expectedVersion {
                let stored = try existing(ticketSLAs[record.ticketID], in: record.organizationID, entity: StorageEntity.ticketSLA, id: id)
                try requireVersion(stored.version, expectedVersion, entity: StorageEntity.ticketSLA, id: id)
            } else {
                _ = try existing(tickets[record.ticketID], in: record.organizationID, entity: StorageEntity.ticket, id: id)
                guard ticketSLAs[record.ticketID] == nil else { throw StorageError.duplicate(constraint: .primaryKey) }
            }
            ticketSLAs[record.ticketID] = record

        // MARK: attachments
        case .insertAttachment(let attachment):
            guard attachments[attachment.id] == nil else { throw StorageError.duplicate(constraint: .primaryKey) }
            _ = try existing(tickets[attachment.ticketID], in: attachment.organizationID, entity: StorageEntity.ticket, id: attachment.ticketID.description)
            attachments[attachment.id] = attachment

        case .attachAttachment(let id, let organization, let messageID, let isInternal):
            var attachment = try existing(attachments[id], in: organization, entity: StorageEntity.attachment, id: id.description)
            guard attachment.messageID == nil else { throw StorageError.versionConflict(entity: StorageEntity.attachment, id: id.description) }
            attachment.messageID = messageID
            attachment.isInternal = isInternal
            attachments[id] = attachment

        case .deletePendingAttachment(let id, let organization):
            guard let attachment = attachments[id], attachment.organizationID == organization else { return }
            guard attachment.messageID == nil else { throw StorageError.versionConflict(entity: StorageEntity.attachment, id: id.description) }
            attachments[id] = nil

        // MARK: routing policy
        case .appendAvailabilityChange(let record):
            guard !availabilityChangeIDs.contains(record.id) else { throw StorageError.duplicate(constraint: .primaryKey) }
            _ = try existing(agentProfiles[record.agentID], in: record.organizationID, entity: StorageEntity.agentProfile, id: record.agentID.description)
            availabilityChangeIDs.insert(record.id)
            availabilityChanges[record.agentID, default: []].append(record)
        }
    }

    /// The job if `holder` holds its lease: a job whose lease passed to another worker is theirs now.
    private func leasedJob(_ id: JobID, holder: String) throws -> Job {
        guard let job = jobs[id] else { throw StorageError.missing(entity: StorageEntity.job, id: id.description) }
        guard job.state == .pending, job.lease?.holder == holder else {
            throw StorageError.versionConflict(entity: StorageEntity.job, id: id.description)
        }
        return job
    }

    private func requireOrganization(_ id: OrganizationID) throws {
        guard organizations[id] != nil else { throw StorageError.missing(entity: "organization", id: id.description) }
    }

    /// `record` if it exists and belongs to `organization`; a record of another organization is as absent as none.
    private func existing<Record: OrganizationScoped>(_ record: Record?, in organization: OrganizationID, entity: String, id: String) throws -> Record {
        guard let record, record.organizationID == organization else { throw StorageError.missing(entity: entity, id: id) }
        return record
    }

    private func requireVersion(_ stored: Int, _ expected: Int, entity: String, id: String) throws {
        guard stored == expected else { throw StorageError.versionConflict(entity: entity, id: id) }
    }

    private func requireUniqueEmail(of user: User) throws {
        let taken = users.values.contains { $0.organizationID == user.organizationID && $0.email == user.email && $0.id != user.id }
        if taken { throw StorageError.duplicate(constraint: .userEmail) }
    }

    private func requireUniqueName(of department: Department) throws {
        let taken = departments.values.contains {
            $0.organizationID == department.organizationID && $0.name == department.name && $0.id != department.id
        }
        if taken { throw StorageError.duplicate(constraint: .departmentName) }
    }
}

/// Records that belong to one organization.
protocol OrganizationScoped {
    var organizationID: OrganizationID { get }
}

extension User: OrganizationScoped {}
extension AgentProfile: OrganizationScoped {}
extension Department: OrganizationScoped {}
extension Attachment: OrganizationScoped {}
extension Ticket: OrganizationScoped {}
extension RefreshToken: OrganizationScoped {}
extension Job: OrganizationScoped {}
extension TicketSLA: OrganizationScoped {}
