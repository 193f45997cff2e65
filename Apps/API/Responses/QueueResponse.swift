/// The agent dashboard (`GET /queue`).
struct QueueResponse: Encodable, Sendable {
    let assignedToMe: [TicketResponse]
    let unassigned: [TicketResponse]
    let urgent: [TicketResponse]
    let workload: WorkloadResponse
}

struct WorkloadResponse: Encodable, Sendable {
    let activeTickets: Int
    let capacity: Int
}
