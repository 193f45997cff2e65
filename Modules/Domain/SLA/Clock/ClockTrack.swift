/// One clock's time line in milliseconds, derived from a ticket's statuses: when the clock is active
/// (not stopped), when it runs (consumes its target), when it is paused.
///
/// Spans are sorted, disjoint, non-empty and never touching. A span ending at `Int.max` is open:
/// the state at the evaluation instant is projected to last, which is what "due at" and "will cross at"
/// mean.
struct ClockTrack {
    struct Span: Equatable {
        var start: Int
        var end: Int

        static let open = Int.max
    }

    private(set) var active: [Span] = []
    private(set) var running: [Span] = []
    private(set) var paused: [Span] = []
    /// The instant the clock stopped, if it is stopped at the evaluation instant.
    private(set) var stoppedAt: Int?
    /// Whether the clock is paused at the evaluation instant.
    private(set) var isPaused = false

    /// First response runs from creation until the first public agent response or the first resolution or
    /// closure, whichever comes first (a ticket finished without a reply owes no first response). It
    /// never pauses.
    static func firstResponse(statuses: [StatusSpan], respondedAt: Int?) -> ClockTrack {
        var track = ClockTrack()
        let created = statuses[0].start
        let finished = statuses.first { !$0.status.isActive }?.start
        let stop = [respondedAt, finished].compactMap { $0 }.min()
        track.add(Span(start: created, end: stop ?? Span.open), to: \.active)
        track.add(Span(start: created, end: stop ?? Span.open), to: \.running)
        track.stoppedAt = stop
        return track
    }

    /// Resolution is active while the ticket is in an active status, runs while it is active and not in
    /// `waiting_customer`, and stops in `resolved` or `closed`. After a reopen it continues where it
    /// stopped: time spent resolved or closed is not counted.
    static func resolution(statuses: [StatusSpan]) -> ClockTrack {
        var track = ClockTrack()
        for span in statuses where span.status.isActive {
            let interval = Span(start: span.start, end: span.end)
            track.add(interval, to: \.active)
            track.add(interval, to: span.status == .waitingCustomer ? \.paused : \.running)
        }
        if let last = statuses.last {
            track.isPaused = last.status == .waitingCustomer
            if !last.status.isActive {
                // The start of the trailing stretch of finished statuses (resolved, then closed).
                track.stoppedAt = statuses.last { $0.status.isActive }.map(\.end) ?? statuses[0].start
            }
        }
        return track
    }

    /// Running spans as if the clock had kept running from its stop on: where a stopped clock's due
    /// time lies.
    var runningAsIfContinued: [Span] {
        guard let stoppedAt else { return running }
        var copy = self
        copy.add(Span(start: stoppedAt, end: Span.open), to: \.running)
        return copy.running
    }

    private mutating func add(_ span: Span, to list: WritableKeyPath<ClockTrack, [Span]>) {
        guard span.start < span.end else { return }
        if let last = self[keyPath: list].last, last.end >= span.start {
            self[keyPath: list][self[keyPath: list].count - 1].end = max(last.end, span.end)
        } else {
            self[keyPath: list].append(span)
        }
    }
}

/// A stretch of time in one status; the last one is open (`end == Int.max`).
struct StatusSpan: Equatable {
    var start: Int
    var end: Int
    var status: TicketStatus
}
