import Domain
import PostgresNIO

extension PostgresStorage: BulkLoading {
    /// Writes the batch in one transaction through the commit's row writers (a row that names an absent
    /// parent is refused as in a commit), tickets under the numbers they carry; then moves the
    /// organization's ticket counter past the highest loaded number.
    ///
    /// One statement per row: correct, but bound by round trips (see README, Performance); a COPY path
    /// (`PostgresConnection.copyFrom`) is the planned faster one.
    public func load(_ batch: SeedBatch) async throws {
        try await transaction { transaction in
            for organization in batch.organizations { try await OrganizationRow.insert(transaction, organization) }
            for department in batch.departments {
                guard try await DepartmentRow.insert(transaction, department) else { throw Self.absent(StorageEntity.organization, department.organizationID) }
            }
            for user in batch.users {
                guard try await UserRow.insert(transaction, user) else { throw Self.absent(StorageEntity.organization, user.organizationID) }
            }
            for profile in batch.agentProfiles {
                guard try await AgentProfileRow.insert(transaction, profile) else { throw Self.absent(StorageEntity.user, profile.userID) }
            }
            var highest: [OrganizationID: Int] = [:]
            for ticket in batch.tickets {
                guard ticket.number != .unallocated else { throw StorageError.missing(entity: StorageEntity.ticket, id: "number of \(ticket.id)") }
                try await TicketRow(ticket).insert(transaction, number: ticket.number)
                highest[ticket.organizationID] = max(highest[ticket.organizationID] ?? 0, ticket.number.value)
            }
            for message in batch.messages {
                guard try await MessageRow.insert(transaction, message) else { throw Self.absent(StorageEntity.ticket, message.ticketID) }
            }
            for event in batch.auditEvents {
                guard try await AuditEventRow.insert(transaction, event) else { throw Self.absent(StorageEntity.ticket, event.ticketID) }
            }
            for (organization, number) in highest {
                try await transaction.execute("""
                    UPDATE ticket_counters SET last_number = GREATEST(last_number, \(number)) WHERE organization_id = \(organization.uuid)
                    """)
            }
        }
    }

    private static func absent<Entity>(_ entity: String, _ id: Identifier<Entity>) -> StorageError {
        .missing(entity: entity, id: id.description)
    }
}

extension TicketRow {
    /// Inserts the ticket under a number its producer allocated (bulk loading), leaving the counter alone.
    func insert(_ transaction: Transaction, number: TicketNumber) async throws {
        let t = ticket
        try await transaction.execute("""
            INSERT INTO tickets (\(unescaped: Self.columns))
            VALUES (\(t.id.uuid), \(t.organizationID.uuid), \(number.value), \(t.customerID.uuid), \(t.contact.name),
                \(t.contact.email?.value), \(t.contact.phone), \(t.subject), \(t.description), \(t.channel.rawValue), \(t.category),
                \(t.priority.rank), \(t.status.rawValue), \(t.tags), \(customFields), \(references), \(journeyAnswers),
                \(t.attachmentIDs.map(\.uuid)), \(t.assigneeID?.uuid), \(t.departmentID?.uuid), \(t.tier), \(t.requiredSkills.sorted()),
                \(t.language), \(UserID.sortedUUIDs(t.participantIDs)), \(escalations), \(resolution), \(rating), \(t.mergedIntoID?.uuid),
                \(t.linkedTicketIDs.map(\.uuid)), \(t.firstResponseAt.map(Timestamp.init)), \(t.closedAt.map(Timestamp.init)),
                \(t.reopenCount), \(Timestamp(t.createdAt)), \(Timestamp(t.updatedAt)), \(t.version))
            """)
    }
}
