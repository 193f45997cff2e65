import Foundation

extension TicketUseCases {
    /// Moves a ticket between working states (`in_progress`, `waiting_customer`, `waiting_internal`) or
    /// back to the queue (`open`). Assignment, escalation, resolution, closing and reopening have their
    /// own entry points because they carry data; asking for them here is a validation error.
    public func changeStatus(_ id: TicketID, to status: TicketStatus, note: String?, actor: Actor, expectedVersion: Int? = nil) async throws(DomainError) -> Ticket {
        let dedicated: [TicketStatus: String] = [
            .assigned: "assign", .escalated: "escalate", .resolved: "resolve", .closed: "close", .reopened: "reopen",
        ]
        if let endpoint = dedicated[status] { throw .invalid("status", "use the \(endpoint) action to set \(status.rawValue)") }
        var v = Validator()
        let note = v.text(note, field: "note", max: Limits.reason, required: false)
        try v.check()
        return try await mutate(id, actor: actor, action: .changeStatus, expectedVersion: expectedVersion) { (m: inout TicketMutation) async throws(DomainError) in
            if status == .open {
                try m.move(to: .open, note: note)
                try unassign(&m, note: note)
            } else {
                if status == .inProgress, m.ticket.assigneeID == nil { throw .conflict(reason: "assign the ticket before working on it") }
                try m.move(to: status, note: note)
            }
            m.notify(.statusChanged, .customer, ["reason": note.map { " Note: \($0)" } ?? ""])
        }
    }

    public func changePriority(_ id: TicketID, to priority: Priority, actor: Actor, expectedVersion: Int? = nil) async throws(DomainError) -> Ticket {
        try await mutate(id, actor: actor, action: .changePriority, expectedVersion: expectedVersion) { (m: inout TicketMutation) throws(DomainError) in
            guard m.ticket.priority != priority else { return }
            m.audit(.priorityChanged, [FieldChange(field: "priority", before: m.ticket.priority.rawValue, after: priority.rawValue)])
            m.ticket.priority = priority
            m.event(.queueUpdated, staffOnly: true)
        }
    }

    /// Raises the escalation level, to a higher-tier agent (who becomes the assignee) or to a department
    /// (the ticket returns to that department's queue). The previous assignee's load is released.
    public func escalate(
        _ id: TicketID, toAgent agentID: UserID?, toDepartment departmentID: DepartmentID?, reason: String?, actor: Actor, expectedVersion: Int? = nil
    ) async throws(DomainError) -> Ticket {
        var v = Validator()
        let reason = v.text(reason, field: "reason", max: Limits.reason)
        if agentID == nil && departmentID == nil { v.fail("toAgentId", "name an agent or a department (toDepartmentId) to escalate to") }
        try v.check()
        let org = actor.organizationID
        var department: Department?
        if let departmentID {
            department = try await deps.read { try await $0.department(id: departmentID, in: org) }
            guard department != nil else { throw .invalid("toDepartmentId", "no such department") }
        }
        return try await mutate(id, actor: actor, action: .escalate, expectedVersion: expectedVersion) { (m: inout TicketMutation) async throws(DomainError) in
            guard m.ticket.status.isActive else { throw .illegalTransition(from: m.ticket.status, to: .escalated) }
            let level = m.ticket.escalationLevel + 1
            let escalation = Escalation(level: level, toAgentID: agentID, toDepartmentID: departmentID, reason: reason!, escalatedBy: actor.recordedID, at: m.now)
            m.ticket.escalations.append(escalation)
            let oldTier = m.ticket.tier
            m.ticket.tier = min(3, max(m.ticket.tier + 1, department?.tier ?? 1))
            if let department, m.ticket.departmentID != department.id {
                m.audit(.updated, [FieldChange(field: "departmentId", before: m.ticket.departmentID?.description, after: department.id.description)])
                m.ticket.departmentID = department.id
            }
            try m.move(to: .escalated, note: reason)
            m.audit(.escalated, [
                FieldChange(field: "escalationLevel", before: String(level - 1), after: String(level)),
                FieldChange(field: "tier", before: String(oldTier), after: String(m.ticket.tier)),
            ], note: reason)
            if let agentID {
                try await assign(&m, to: agentID)
            } else {
                try unassign(&m, note: reason)
            }
            m.event(.ticketEscalated, data: ["level": String(level)])
            if let agentID { m.notify(.escalated, .user(agentID), ["reason": reason!]) }
        }
    }

    /// Marks the ticket resolved with how and why.
    public func resolve(
        _ id: TicketID, kind: Resolution.Kind, summary: String?, notes: String?, actor: Actor, expectedVersion: Int? = nil
    ) async throws(DomainError) -> Ticket {
        var v = Validator()
        let summary = v.text(summary, field: "summary", max: Limits.summary)
        let notes = v.text(notes, field: "notes", max: Message.maximumBodyBytes, required: false)
        try v.check()
        return try await mutate(id, actor: actor, action: .resolve, expectedVersion: expectedVersion) { (m: inout TicketMutation) throws(DomainError) in
            try m.move(to: .resolved)
            m.ticket.resolution = Resolution(kind: kind, summary: summary!, notes: notes, resolvedBy: actor.userID, resolvedAt: m.now)
            m.audit(.resolved, [FieldChange(field: "resolutionType", before: nil, after: kind.rawValue)], note: summary)
            m.notify(.satisfactionSurvey, .customer, ["resolution.summary": summary!])
        }
    }

    /// Closes a ticket: staff from any state the machine allows, the customer their own.
    public func close(_ id: TicketID, actor: Actor, expectedVersion: Int? = nil) async throws(DomainError) -> Ticket {
        try await mutate(id, actor: actor, action: .close, expectedVersion: expectedVersion) { (m: inout TicketMutation) throws(DomainError) in
            try m.move(to: .closed)
            m.ticket.closedAt = m.now
            m.audit(.closed)
        }
    }

    /// Reopens a resolved or closed ticket with a reason; customers only within the organization's window.
    public func reopen(_ id: TicketID, reason: String?, actor: Actor, expectedVersion: Int? = nil) async throws(DomainError) -> Ticket {
        var v = Validator()
        let reason = v.text(reason, field: "reason", max: Limits.reason)
        try v.check()
        let organization = try await deps.read { try await $0.organization(id: actor.organizationID) }
        guard let window = organization?.settings.reopenWindowSeconds else { throw .notFound(entity: "organization") }
        return try await mutate(id, actor: actor, action: .reopen, expectedVersion: expectedVersion) { (m: inout TicketMutation) throws(DomainError) in
            if actor.role == .customer, let finishedAt = m.ticket.closedAt ?? m.ticket.resolvedAt,
               m.now.timeIntervalSince(finishedAt) > Double(window) {
                throw .forbidden(reason: "the reopen window of \(window / 86_400) days has passed")
            }
            try m.move(to: .reopened, note: reason)
            m.ticket.reopenCount += 1
            m.ticket.resolution = nil
            m.ticket.closedAt = nil
            m.audit(.reopened, note: reason)
            if let assignee = m.ticket.assigneeID { m.notify(.statusChanged, .user(assignee), ["reason": " Reopened: \(reason!)"]) }
            m.event(.queueUpdated, staffOnly: true)
        }
    }
}
