/// The order in which the queue is served (§5).
public enum QueueOrder {
    /// `true` when `a` is served before `b`: higher priority first (urgent > high > medium > low), then the earlier
    /// SLA due time (tickets without one after those with one), then the older ticket, then the smaller id — a total
    /// order, so every adapter and every worker process sees the same queue.
    public static func precedes(_ a: QueuedTicket, _ b: QueuedTicket) -> Bool {
        if a.priority != b.priority { return a.priority > b.priority }
        switch (a.slaDueAt, b.slaDueAt) {
        case let (x?, y?) where x != y: return x < y
        case (.some, nil): return true
        case (nil, .some): return false
        default: break
        }
        if a.createdAt != b.createdAt { return a.createdAt < b.createdAt }
        return a.id < b.id
    }

    /// The tickets waiting in the queue (unassigned, queue status), each id once, in serving order.
    /// When an id occurs more than once, the entry that comes first in serving order is kept.
    public static func queue(_ tickets: [QueuedTicket]) -> [QueuedTicket] {
        var seen = Set<TicketID>()
        return tickets.filter(\.isWaitingInQueue).sorted(by: precedes).filter { seen.insert($0.id).inserted }
    }
}
