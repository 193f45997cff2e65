/// A customer's feedback on a resolved ticket.
public struct RatingInput: Sendable, Equatable {
    public var rating: Int?
    public var feedback: String?
    public var nps: Int?
    public var resolvedIssue: Bool?
    public var agentRating: Int?
    public var responseTimeRating: Int?
    public var communicationRating: Int?

    public init(
        rating: Int?, feedback: String? = nil, nps: Int? = nil, resolvedIssue: Bool? = nil, agentRating: Int? = nil,
        responseTimeRating: Int? = nil, communicationRating: Int? = nil
    ) {
        self.rating = rating
        self.feedback = feedback
        self.nps = nps
        self.resolvedIssue = resolvedIssue
        self.agentRating = agentRating
        self.responseTimeRating = responseTimeRating
        self.communicationRating = communicationRating
    }
}

extension TicketUseCases {
    /// The customer rates a resolved or closed ticket, once. The rating feeds the statistics of the agent
    /// who resolved it, in the same unit of work.
    public func rate(_ id: TicketID, _ input: RatingInput, actor: Actor) async throws(DomainError) -> Ticket {
        var v = Validator()
        if input.rating == nil { v.fail("rating", "is required") }
        v.range(input.rating, field: "rating", 1...5)
        v.range(input.nps, field: "nps", 0...10)
        v.range(input.agentRating, field: "agentRating", 1...5)
        v.range(input.responseTimeRating, field: "responseTimeRating", 1...5)
        v.range(input.communicationRating, field: "communicationRating", 1...5)
        let feedback = v.text(input.feedback, field: "feedback", max: Limits.summary, required: false)
        try v.check()
        return try await mutate(id, actor: actor, action: .rate) { (m: inout TicketMutation) async throws(DomainError) in
            guard m.ticket.status == .resolved || m.ticket.status == .closed else {
                throw .conflict(reason: "only resolved or closed tickets can be rated")
            }
            guard m.ticket.rating == nil else { throw .conflict(reason: "the ticket has already been rated") }
            m.ticket.rating = CustomerRating(
                rating: input.rating!, feedback: feedback?.isEmpty == true ? nil : feedback, nps: input.nps,
                resolvedIssue: input.resolvedIssue, agentRating: input.agentRating, responseTimeRating: input.responseTimeRating,
                communicationRating: input.communicationRating, ratedAt: m.now
            )
            m.audit(.rated, [FieldChange(field: "rating", before: nil, after: String(input.rating!))])
            guard let agentID = m.ticket.resolution?.resolvedBy ?? m.ticket.assigneeID else { return }
            let org = m.ticket.organizationID
            let profile = try await deps.read { try await $0.agentProfile(userID: agentID, in: org) }
            guard var profile else { return }
            let expected = profile.version
            profile.statistics.ratingSum += input.rating!
            profile.statistics.ratingCount += 1
            profile.version += 1
            profile.updatedAt = m.now
            m.extraChanges.append(.updateAgentProfile(profile, expectedVersion: expected))
        }
    }
}
