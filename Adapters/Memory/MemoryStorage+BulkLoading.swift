import Domain

extension MemoryStorage: BulkLoading {
    /// Applies the batch all or nothing, with the same uniqueness and existence rules as a commit;
    /// tickets keep their numbers and the organization's counter moves past the highest one.
    public func load(_ batch: SeedBatch) async throws {
        try ensureAvailable()
        var next = state
        var receipt = CommitReceipt()
        let changes: [UnitOfWork.Change] =
            batch.organizations.map { .insertOrganization($0) } + batch.departments.map { .insertDepartment($0) }
            + batch.users.map { .insertUser($0) } + batch.agentProfiles.map { .insertAgentProfile($0) }
        for change in changes { try next.apply(change, receipt: &receipt) }
        for ticket in batch.tickets { try next.load(ticket) }
        for message in batch.messages { try next.apply(.insertMessage(message), receipt: &receipt) }
        for event in batch.auditEvents { try next.apply(.appendAuditEvent(event), receipt: &receipt) }
        for record in batch.ticketSLAs { try next.apply(.saveTicketSLA(record, expectedVersion: nil), receipt: &receipt) }
        state = next
    }
}

extension MemoryStorageState {
    /// Stores a ticket under the number it carries.
    mutating func load(_ ticket: Ticket) throws {
        guard organizations[ticket.organizationID] != nil else {
            throw StorageError.missing(entity: StorageEntity.organization, id: ticket.organizationID.description)
        }
        guard tickets[ticket.id] == nil, ticket.number != .unallocated,
              ticketsByNumber[ticket.organizationID]?[ticket.number] == nil
        else { throw StorageError.duplicate(constraint: .primaryKey) }
        tickets[ticket.id] = ticket
        ticketsByNumber[ticket.organizationID, default: [:]][ticket.number] = ticket.id
        lastTicketNumber[ticket.organizationID] = max(lastTicketNumber[ticket.organizationID] ?? 0, ticket.number.value)
    }
}
