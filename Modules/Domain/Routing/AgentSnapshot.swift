/// What routing knows about an agent at the start of a pass: their profile and the work they already hold.
public struct AgentSnapshot: Sendable, Equatable {
    public var profile: AgentProfile
    /// Tickets assigned to the agent in an active status (`TicketStatus.active`), as storage counts them.
    public var activeTickets: Int

    public init(profile: AgentProfile, activeTickets: Int) {
        self.profile = profile
        self.activeTickets = activeTickets
    }

    public var id: UserID { profile.userID }

    /// Below `maxConcurrentTickets`, so one more ticket still fits.
    public var hasCapacity: Bool { activeTickets < profile.maxConcurrentTickets }
}
