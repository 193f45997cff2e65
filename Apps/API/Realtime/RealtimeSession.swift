import Domain
import Foundation
import HummingbirdWebSocket
import Logging
import NIOWebSocket

/// One client's real-time connection (SPEC §7): client frames and transport events are handled in one
/// loop, so that subscribing (with a replay of what the client missed) and live delivery never race;
/// outgoing frames go through a bounded buffer that one writer drains, so a slow client is closed
/// instead of holding anyone up. Access is checked when a room is subscribed and again whenever an event
/// (or the periodic revalidation) may have changed it: a room the user may no longer follow is dropped.
struct RealtimeSession: Sendable {
    /// The user as the connection was opened; the loop keeps the current one (departments change).
    let actor: Actor
    /// When the access token the connection was opened with expires: the connection ends then.
    let tokenExpiresAt: Date
    let deps: Dependencies
    let options: RealtimeOptions
    /// The process's transport subscription, shared by its connections.
    let hub: RealtimeHub
    /// Event frames shared by every connection of the process (encoded once per event and room).
    let eventFrames: RealtimeFrameCache
    let logger: Logger

    /// Why a connection ended, and the close code the client sees.
    enum Ending: Error {
        case clientClosed
        case slowConsumer
        case tokenExpired
        case revoked
        case idle
        /// The client broke the protocol (a message over the size limit …): the WebSocket library closes
        /// with the matching code when the handler rethrows.
        case protocolFailure(any Error)

        var closeCode: WebSocketErrorCode {
            switch self {
            case .clientClosed, .idle: .normalClosure
            case .slowConsumer: .unknown(1013)
            case .tokenExpired, .revoked: .unknown(4001)
            case .protocolFailure: .protocolError
            }
        }

        var reason: String {
            switch self {
            case .clientClosed: "bye"
            case .slowConsumer: "too slow: reconnect and subscribe with after"
            case .tokenExpired: "the access token expired"
            case .revoked: "access was revoked"
            case .idle: "idle"
            case .protocolFailure(let error): "\(error)"
            }
        }
    }

    /// What the loop reacts to, in the order it happened.
    private enum Input: Sendable {
        case client(String)
        case event(PublishedEvent)
        case end(Ending)
        /// Time passed: check for idleness.
        case tick
        /// The periodic revalidation read the user and found them changed (their departments).
        case changed(Actor)
    }

    func run(inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter) async throws {
        let (frames, sink) = AsyncStream.makeStream(of: WebSocketOutboundWriter.OutboundFrame.self, bufferingPolicy: .bufferingOldest(options.sendBufferFrames))
        let (inputs, input) = AsyncStream.makeStream(of: Input.self)
        // Registered before any client frame is read: a later `subscribe … after` replay plus what the hub hands
        // over has no gap. The hub ends a connection that fell too far behind, as the transport would.
        let mailbox = await hub.register(deliver: { input.yield(.event($0)) }, end: { input.yield(.end(.slowConsumer)) })
        let ending: Ending = await withTaskGroup(of: Void.self) { group in
            group.addTask {
                for await frame in frames {
                    do { try await outbound.write(frame) } catch { break }
                }
            }
            group.addTask {
                do {
                    for try await message in inbound.messages(maxSize: options.maximumMessageBytes) {
                        switch message {
                        case .text(let text): input.yield(.client(text))
                        case .binary: input.yield(.client(""))
                        }
                    }
                    input.yield(.end(.clientClosed))
                } catch {
                    input.yield(.end(.protocolFailure(error)))
                }
            }
            group.addTask { await watchAccess(input) }
            group.addTask {
                while (try? await Task.sleep(for: options.idleTimeout / 4)) != nil { input.yield(.tick) }
            }
            var state = RealtimeSubscriptions()
            var current = actor
            var lastSequence: Int64?
            var lastHeard = ContinuousClock.now
            var ending = Ending.clientClosed
            loop: for await next in inputs {
                switch next {
                case .end(let reason):
                    ending = reason
                    break loop
                case .event(let published):
                    mailbox.taken()
                    lastSequence = published.sequence
                    // The event that changes access is still delivered; nothing after it is, unless the check allows it.
                    for room in state.rooms(for: published, actor: current) {
                        guard send(.event(published, room: room.description), sink) else { ending = .slowConsumer; break loop }
                    }
                    let (frames, lost) = await recheck(after: published, &state, &current)
                    if let lost { ending = lost; break loop }
                    for frame in frames {
                        guard send(frame, sink) else { ending = .slowConsumer; break loop }
                    }
                case .changed(let fresh):
                    let (frames, lost) = await adopt(fresh, &state, &current, after: lastSequence)
                    if let lost { ending = lost; break loop }
                    for frame in frames {
                        guard send(frame, sink) else { ending = .slowConsumer; break loop }
                    }
                case .tick:
                    if ContinuousClock.now - lastHeard > options.idleTimeout { ending = .idle; break loop }
                case .client(let text):
                    lastHeard = .now
                    for frame in await handle(text, &state, as: current) {
                        guard send(frame, sink) else { ending = .slowConsumer; break loop }
                    }
                }
            }
            sink.finish()
            // The server closes first here, so that the inbound reader sees the client's answering close and ends.
            switch ending {
            case .clientClosed, .protocolFailure: break
            default: try? await outbound.close(ending.closeCode, reason: ending.reason)
            }
            group.cancelAll()
            return ending
        }
        await hub.unregister(mailbox)
        logger.debug("real-time connection closed", metadata: ["reason": "\(ending.reason)"])
        if case .protocolFailure(let error) = ending { throw error }
    }

    /// Queues a frame; false when the connection's buffer is full (a slow consumer).
    private func send(_ frame: RealtimeServerFrame, _ sink: AsyncStream<WebSocketOutboundWriter.OutboundFrame>.Continuation) -> Bool {
        let outgoing: WebSocketOutboundWriter.OutboundFrame = if case .event(let published, let room) = frame {
            .custom(WebSocketFrame(fin: true, opcode: .text, data: eventFrames.bytes(for: published, room: room)))
        } else {
            .text(frame.json)
        }
        return switch sink.yield(outgoing) {
        case .enqueued: true
        case .dropped, .terminated: false
        @unknown default: false
        }
    }

    /// Ends the connection when the token expires, and re-reads the user every `revalidationInterval`:
    /// a deactivated user is cut off; a changed one is handed to the loop, which checks their rooms again
    /// (a change of departments is also announced by an event, which is faster; this catches any other path).
    private func watchAccess(_ input: AsyncStream<Input>.Continuation) async {
        var known = actor
        while !Task.isCancelled {
            let untilExpiry = tokenExpiresAt.timeIntervalSince(deps.clock.now())
            if untilExpiry <= 0 { input.yield(.end(.tokenExpired)); return }
            let wait = min(Duration.milliseconds(Int64(untilExpiry * 1000)), options.revalidationInterval)
            do { try await Task.sleep(for: wait) } catch { return }
            if tokenExpiresAt <= deps.clock.now() { input.yield(.end(.tokenExpired)); return }
            do {
                let current = try await UserUseCases(deps).actor(for: actor.userID, in: actor.organizationID)
                if current != known {
                    known = current
                    input.yield(.changed(current))
                }
            } catch {
                if case .unavailable = error { continue } // an outage is not a revocation: try again later
                input.yield(.end(.revoked))
                return
            }
        }
    }

    /// Answers one client frame, changing the subscriptions as asked.
    private func handle(_ text: String, _ state: inout RealtimeSubscriptions, as actor: Actor) async -> [RealtimeServerFrame] {
        let frame: RealtimeClientFrame
        do {
            frame = try RealtimeClientFrame(json: text)
        } catch {
            return [.error(code: error.code, detail: error.detail, room: nil)]
        }
        switch frame {
        case .ping:
            return [.pong]
        case .subscribe(let name, let after):
            guard let room = RealtimeRoom(name, me: actor.userID) else { return [unknownRoom(name)] }
            let placement: RealtimeTicketPlacement?
            do {
                placement = try await RealtimeAccess(deps: deps).authorize(actor, room)
            } catch {
                return [refusal(error, room: name)]
            }
            var replies: [RealtimeServerFrame] = [.subscribed(room: name)]
            var delivered = after ?? 0
            if let after {
                do {
                    let missed = try await deps.transport.events(after: after)
                    for published in missed where RealtimeAccess.mayHear(actor, published.event, in: room) {
                        replies.append(.event(published, room: name))
                    }
                    delivered = missed.last?.sequence ?? after
                } catch {
                    return [.error(code: "unavailable", detail: "missed events cannot be read now; retry", room: name)]
                }
            }
            state.add(room, deliveredThrough: after == nil ? nil : delivered, placement: placement)
            return replies
        case .unsubscribe(let name):
            guard let room = RealtimeRoom(name, me: actor.userID) else { return [unknownRoom(name)] }
            state.remove(room)
            return [.unsubscribed(room: name)]
        case .typing(let name, let active):
            guard let room = RealtimeRoom(name, me: actor.userID), case .ticket(let ticketID) = room else {
                return [.error(code: "malformed", detail: "typing is sent to a ticket room", room: name)]
            }
            guard state.contains(room) else { return [.error(code: "not_subscribed", detail: "subscribe to \(name) first", room: name)] }
            return await announce(DomainEvent(
                kind: .typing, organizationID: actor.organizationID, ticketID: ticketID,
                data: ["ticketId": ticketID.description, "userId": actor.userID.description, "state": active ? "start" : "stop"],
                at: deps.clock.now()), room: name)
        case .read(let ticketText, let messageText):
            guard let ticketID = TicketID(ticketText), let messageID = MessageID(messageText) else {
                return [.error(code: "malformed", detail: "ticketId and messageId are ids", room: nil)]
            }
            do {
                try await RealtimeAccess(deps: deps).authorize(actor, .ticket(ticketID))
            } catch {
                return [refusal(error, room: RealtimeRoom.ticket(ticketID).description)]
            }
            return await announce(DomainEvent(
                kind: .messageRead, organizationID: actor.organizationID, ticketID: ticketID,
                data: ["ticketId": ticketID.description, "messageId": messageID.description, "userId": actor.userID.description],
                at: deps.clock.now()), room: nil)
        }
    }

    /// Typing and read marks are momentary: published straight to the transport, not stored.
    private func announce(_ event: DomainEvent, room: String?) async -> [RealtimeServerFrame] {
        do {
            _ = try await deps.transport.publish([event])
            return []
        } catch {
            return [.error(code: "unavailable", detail: "the event could not be sent; retry", room: room)]
        }
    }

    private func unknownRoom(_ name: String) -> RealtimeServerFrame {
        .error(code: "unknown_room", detail: "rooms are ticket:<id>, queue:<departmentId>, agent:me and admin", room: name)
    }

    private func refusal(_ error: DomainError, room: String) -> RealtimeServerFrame {
        switch error {
        case .forbidden, .notFound: .error(code: "forbidden", detail: "you may not subscribe to \(room)", room: room)
        default: .error(code: "unavailable", detail: "the subscription cannot be checked now; retry", room: room)
        }
    }
}
