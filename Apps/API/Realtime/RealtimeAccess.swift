import Domain

/// Who may subscribe to which room and hear which event: the permission policy (§14) applied to §7.
struct RealtimeAccess: Sendable {
    let deps: Dependencies

    /// Throws `forbidden` when `actor` may not subscribe to `room` (a ticket they may not see is
    /// `forbidden` too, so a socket cannot probe which tickets exist).
    func authorize(_ actor: Actor, _ room: RealtimeRoom) async throws(DomainError) {
        switch room {
        case .ticket(let id):
            do {
                let ticket = try await TicketUseCases(deps).ticket(id, actor: actor)
                try AccessPolicy.authorize(actor, .view, on: ticket)
            } catch let error where error.isAccessRefusal {
                throw .forbidden(reason: "you may not follow this ticket")
            }
        case .queue(let department):
            guard actor.role == .admin || (actor.role.isStaff && actor.departmentIDs.contains(department)) else {
                throw .forbidden(reason: "only staff of the department may follow its queue")
            }
        case .agent:
            guard actor.role.isStaff else { throw .forbidden(reason: "only staff have an agent channel") }
        case .admin:
            guard actor.role == .admin else { throw .forbidden(reason: "only admins may follow the admin channel") }
        }
    }

    /// Whether `actor` may hear `event` at all: same organization, and staff-only events only for staff.
    static func mayReceive(_ actor: Actor, _ event: DomainEvent) -> Bool {
        event.organizationID == actor.organizationID && (!event.staffOnly || AccessPolicy.seesInternal(actor))
    }
}

extension DomainError {
    /// A refusal that must not tell "absent" from "not yours".
    var isAccessRefusal: Bool {
        switch self {
        case .notFound, .forbidden: true
        default: false
        }
    }
}
