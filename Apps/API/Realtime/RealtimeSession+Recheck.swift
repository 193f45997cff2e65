import Domain
import Logging

/// Keeping subscriptions within the permission policy after they were granted: a room is checked again,
/// against current data read through the use cases, only when something that can change its access
/// happened, and one the user lost is dropped with a `forbidden` error naming it.
extension RealtimeSession {
    /// After `published` went out: checks again the rooms whose access it may have changed. An event that
    /// announces the user's own new departments re-reads the user first. Returns the frames to send, or
    /// why the connection must end (the user was deactivated or their role changed).
    func recheck(
        after published: PublishedEvent, _ state: inout RealtimeSubscriptions, _ actor: inout Actor
    ) async -> (frames: [RealtimeServerFrame], ending: Ending?) {
        let event = published.event
        if RealtimeAccess.changesMembership(of: actor, event) {
            let fresh: Actor
            do {
                fresh = try await UserUseCases(deps).actor(for: actor.userID, in: actor.organizationID)
            } catch {
                guard case .unavailable = error else { return ([], .revoked) }
                // The new membership cannot be read: nothing that depended on the old one may go on.
                return (drop(state.all, from: &state, code: "unavailable", after: published.sequence), nil)
            }
            return await adopt(fresh, &state, &actor, after: published.sequence)
        }
        let rooms = state.roomsToCheck(after: event, actor: actor)
        guard !rooms.isEmpty else { return ([], nil) }
        return (await check(rooms, &state, as: actor, after: published.sequence), nil)
    }

    /// Takes `fresh` as the connection's user: a deactivation or another role ends the connection (the
    /// client signs in again); other departments mean every room is checked again.
    func adopt(
        _ fresh: Actor, _ state: inout RealtimeSubscriptions, _ actor: inout Actor, after sequence: Int64?
    ) async -> (frames: [RealtimeServerFrame], ending: Ending?) {
        guard fresh.role == actor.role, fresh.organizationID == actor.organizationID, fresh.userID == actor.userID else { return ([], .revoked) }
        guard fresh != actor else { return ([], nil) }
        actor = fresh
        return (await check(state.all, &state, as: fresh, after: sequence), nil)
    }

    /// Checks each of `rooms` with current data; keeps those still allowed (noting where a ticket now
    /// stands) and drops the others. A check that cannot be made drops the room too: only a check that
    /// passed keeps one.
    private func check(
        _ rooms: [RealtimeRoom], _ state: inout RealtimeSubscriptions, as actor: Actor, after sequence: Int64?
    ) async -> [RealtimeServerFrame] {
        var frames: [RealtimeServerFrame] = []
        let access = RealtimeAccess(deps: deps)
        for room in rooms {
            do {
                state.place(room, at: try await access.authorize(actor, room))
            } catch {
                let code = error.isAccessRefusal ? "forbidden" : "unavailable"
                frames += drop([room], from: &state, code: code, after: sequence)
                logger.debug("real-time subscription dropped", metadata: ["room": "\(room)", "code": "\(code)"])
            }
        }
        return frames
    }

    private func drop(
        _ rooms: [RealtimeRoom], from state: inout RealtimeSubscriptions, code: String, after sequence: Int64?
    ) -> [RealtimeServerFrame] {
        rooms.map { room in
            state.remove(room)
            let detail = code == "forbidden"
                ? "you may no longer follow \(room); nothing more is sent from it"
                : "access to \(room) cannot be checked now; subscribe again"
            return .error(code: code, detail: detail, room: room.description, seq: sequence)
        }
    }
}
