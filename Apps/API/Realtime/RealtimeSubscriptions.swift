import Domain

/// The rooms of one connection: for each, the last sequence number already delivered to it by a replay
/// and, for a ticket room, where its ticket stood when its access was last checked.
struct RealtimeSubscriptions {
    private struct Entry {
        var deliveredThrough: Int64
        var placement: RealtimeTicketPlacement?
    }

    private var entries: [RealtimeRoom: Entry] = [:]

    mutating func add(_ room: RealtimeRoom, deliveredThrough: Int64?, placement: RealtimeTicketPlacement?) {
        entries[room] = Entry(deliveredThrough: max(entries[room]?.deliveredThrough ?? 0, deliveredThrough ?? 0), placement: placement)
    }

    mutating func remove(_ room: RealtimeRoom) { entries[room] = nil }

    /// Records where a followed ticket stood at its latest check.
    mutating func place(_ room: RealtimeRoom, at placement: RealtimeTicketPlacement?) {
        entries[room]?.placement = placement
    }

    func contains(_ room: RealtimeRoom) -> Bool { entries[room] != nil }

    /// Every room followed, in a stable order.
    var all: [RealtimeRoom] { entries.keys.sorted { $0.description < $1.description } }

    /// The rooms that receive `published`: subscribed, containing it, not yet delivered by a replay,
    /// and only what the actor may hear.
    func rooms(for published: PublishedEvent, actor: Actor) -> [RealtimeRoom] {
        guard RealtimeAccess.mayReceive(actor, published.event) else { return [] }
        return entries.compactMap { room, entry in
            RealtimeAccess.mayHear(actor, published.event, in: room) && published.sequence > entry.deliveredThrough ? room : nil
        }
        .sorted { $0.description < $1.description }
    }

    /// The rooms whose access `event` may have changed (`RealtimeAccess.mayChangeAccess`): they are checked
    /// again before they hear anything after it.
    func roomsToCheck(after event: DomainEvent, actor: Actor) -> [RealtimeRoom] {
        guard event.organizationID == actor.organizationID else { return [] }
        if RealtimeAccess.changesMembership(of: actor, event) { return all }
        return entries.compactMap { room, entry in
            RealtimeAccess.mayChangeAccess(actor, to: room, placedAt: entry.placement, by: event) ? room : nil
        }
        .sorted { $0.description < $1.description }
    }
}
