import Domain
import Synchronization

/// The one transport subscription of this process's real-time connections (SPEC §7): a pump reads it and
/// hands each event to every open connection's loop directly, instead of each connection holding a
/// subscription of its own and a task that forwards it (1,000 connections: one reader, not 1,000, and one
/// wake-up per connection and event fewer). The subscription exists while a connection is open.
///
/// The transport's rules hold per connection: events arrive in order, from the moment `register` returned;
/// a connection whose loop falls more than `backlog` events behind is ended (its `end` is called, once)
/// and never blocks the others; when the transport ends the shared stream (the pump fell behind, or
/// shutdown), every connection registered on it is ended the same way and later ones subscribe anew.
actor RealtimeHub {
    /// What one connection registered: how to hand it an event, how to end it, and its backlog.
    final class Mailbox: Sendable {
        fileprivate let deliver: @Sendable (PublishedEvent) -> Void
        fileprivate let end: @Sendable () -> Void
        /// Events handed over and not yet taken by the connection's loop.
        fileprivate let pending = Atomic<Int>(0)
        fileprivate let id: Int

        fileprivate init(id: Int, deliver: @escaping @Sendable (PublishedEvent) -> Void, end: @escaping @Sendable () -> Void) {
            self.id = id
            self.deliver = deliver
            self.end = end
        }

        /// The connection's loop took one event: call once per event received through `deliver`.
        func taken() { pending.subtract(1, ordering: .relaxed) }
    }

    /// The connections fed by one subscription, read by its pump for every event.
    private final class Fanout: Sendable {
        private struct State {
            var mailboxes: [Int: Mailbox] = [:]
            /// The subscription ended: nobody joins any more.
            var closed = false
        }

        private let state = Mutex(State())
        let backlog: Int

        init(backlog: Int) { self.backlog = backlog }

        /// Adds `mailbox`; false when the subscription already ended.
        func add(_ mailbox: Mailbox) -> Bool {
            state.withLock { state in
                guard !state.closed else { return false }
                state.mailboxes[mailbox.id] = mailbox
                return true
            }
        }

        /// Removes `id`; true when no connection is left.
        func remove(_ id: Int) -> Bool {
            state.withLock { state in
                state.mailboxes[id] = nil
                return state.mailboxes.isEmpty
            }
        }

        func deliver(_ event: PublishedEvent) {
            let current = state.withLock { Array($0.mailboxes.values) }
            for mailbox in current {
                if mailbox.pending.wrappingAdd(1, ordering: .relaxed).newValue > backlog {
                    // Too far behind: it gets nothing more (no gap follows what it was given) and is ended.
                    guard state.withLock({ $0.mailboxes.removeValue(forKey: mailbox.id) }) != nil else { continue }
                    mailbox.end()
                } else {
                    mailbox.deliver(event)
                }
            }
        }

        /// Ends every connection still registered, and closes the subscription to new ones (the shared stream ended).
        func endAll() {
            let ending = state.withLock { state in
                defer {
                    state.mailboxes.removeAll()
                    state.closed = true
                }
                return Array(state.mailboxes.values)
            }
            for mailbox in ending { mailbox.end() }
        }
    }

    private let transport: any Transport
    private let backlog: Int
    private var current: (fanout: Fanout, pump: Task<Void, Never>)?
    /// Which subscription each connection is registered on.
    private var registered: [Int: Fanout] = [:]
    private var nextID = 0

    /// - Parameter backlog: events a connection's loop may have been handed and not yet taken before it is ended.
    init(transport: any Transport, backlog: Int) {
        self.transport = transport
        self.backlog = backlog
    }

    /// Registers a connection: `deliver` gets every event published from now on, in order, until `end`
    /// is called or `unregister`. Both are called from the pump, so they must not wait (yield to a stream).
    func register(deliver: @escaping @Sendable (PublishedEvent) -> Void, end: @escaping @Sendable () -> Void) async -> Mailbox {
        let mailbox = Mailbox(id: nextID, deliver: deliver, end: end)
        nextID += 1
        while true {
            if let current, current.fanout.add(mailbox) {
                registered[mailbox.id] = current.fanout
                return mailbox
            }
            // No subscription, or its stream ended (its pump may not have said so yet): subscribe anew.
            current = nil
            let fanout = Fanout(backlog: backlog)
            let events = await transport.subscribe()
            // `subscribe` suspended: another registration may have subscribed meanwhile (this stream is then dropped).
            guard current == nil else { continue }
            current = (fanout, Task { [weak self] in
                await Self.pump(events, into: fanout)
                await self?.ended(fanout)
            })
        }
    }

    /// Forgets a connection; the last one leaving ends the subscription.
    func unregister(_ mailbox: Mailbox) {
        guard let fanout = registered.removeValue(forKey: mailbox.id) else { return }
        if fanout.remove(mailbox.id), let current, current.fanout === fanout {
            current.pump.cancel()
            self.current = nil
        }
    }

    /// The subscription of `fanout` ended: the next registration subscribes anew.
    private func ended(_ fanout: Fanout) {
        if current?.fanout === fanout { current = nil }
    }

    /// How many connections are registered (tests).
    var count: Int { registered.count }

    /// Reads the shared stream until it ends (the transport dropped it, or the pump was cancelled).
    private static func pump(_ events: AsyncStream<PublishedEvent>, into fanout: Fanout) async {
        for await event in events { fanout.deliver(event) }
        fanout.endAll()
    }
}
