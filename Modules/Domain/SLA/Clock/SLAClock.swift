import Foundation

/// Computes a ticket's SLA (§6) from its timeline: due times, time consumed and paused, level, when
/// the target was met or breached, and when warning, critical and breach were or will be reached.
///
/// The two clocks:
/// - **First response** runs from creation until the first public agent response
///   (`SLATimeline.firstResponseAt`) or the first resolution or closure, whichever comes first: a
///   ticket finished without a reply owes no first response. It never pauses.
/// - **Resolution** runs while the ticket is in an active status other than `waiting_customer` (which
///   pauses it) and stops in `resolved` or `closed`, at the instant the ticket was resolved (closing
///   afterwards changes nothing). A reopened ticket continues where it stopped: time spent resolved or
///   closed is not counted.
///
/// Rules:
/// - Time counts only when it is working time of `calendar`.
/// - The target is that of the ticket's priority at the instant considered: a priority change
///   recomputes the due time from the ticket's creation, so raising the priority of a ticket that has
///   already used more than the new target makes it breached at the instant of the change.
/// - The due time is the earliest instant at which the consumed time reaches the target. A clock
///   stopped at or before it is met; an active clock is breached at any later instant. Breach is
///   final (lowering the priority does not undo it) and so are the first warning and critical crossings.
/// - Levels follow `SLALevel`: breached, else met (stopped), else paused, else by the share left.
public struct SLAClock: Sendable, Equatable {
    public let policyID: SLAPolicyID?
    public let targets: SLATargets
    public let calendar: BusinessCalendar

    public init(policyID: SLAPolicyID?, targets: SLATargets, calendar: BusinessCalendar) {
        self.policyID = policyID
        self.targets = targets
        self.calendar = calendar
    }

    /// The clock of `policy`, with its business hours already resolved to `calendar` (`.always` when the
    /// policy names none).
    public init(policy: SLAPolicy, calendar: BusinessCalendar) {
        self.init(policyID: policy.id, targets: policy.targets, calendar: calendar)
    }

    /// When no policy of the organization applies: the §6 targets, 24/7.
    public static let `default` = SLAClock(policyID: nil, targets: .defaults, calendar: .always)

    /// Both clocks of the ticket described by `timeline`, as they stand at `now`.
    public func evaluate(_ timeline: SLATimeline, at now: Date) -> SLAStatus {
        let created = Millis.of(timeline.createdAt)
        let nowMillis = max(Millis.of(now), created)
        let statuses = Self.statusSpans(timeline, created: created, now: nowMillis)
        let priorities = Self.prioritySpans(timeline, created: created, now: nowMillis)
        let responded = timeline.firstResponseAt.map { max(Millis.of($0), created) }.flatMap { $0 <= nowMillis ? $0 : nil }
        let firstResponse = ClockEvaluation(
            metric: .firstResponse, targets: targets, calendar: calendar,
            track: .firstResponse(statuses: statuses, respondedAt: responded), priorities: priorities, now: nowMillis
        )
        let resolution = ClockEvaluation(
            metric: .resolution, targets: targets, calendar: calendar,
            track: .resolution(statuses: statuses), priorities: priorities, now: nowMillis
        )
        return SLAStatus(policyID: policyID, evaluatedAt: now, firstResponse: firstResponse.state(), resolution: resolution.state())
    }

    static func statusSpans(_ timeline: SLATimeline, created: Int, now: Int) -> [StatusSpan] {
        let changes = ordered(timeline.statusChanges.map { (max(Millis.of($0.at), created), $0.value) }, until: now)
        var spans = [StatusSpan(start: created, end: ClockTrack.Span.open, status: .open)]
        for (at, status) in changes {
            spans[spans.count - 1].end = at
            spans.append(StatusSpan(start: at, end: ClockTrack.Span.open, status: status))
        }
        return spans.filter { $0.start < $0.end }
    }

    static func prioritySpans(_ timeline: SLATimeline, created: Int, now: Int) -> [PrioritySpan] {
        let changes = ordered(timeline.priorityChanges.map { (max(Millis.of($0.at), created), $0.value) }, until: now)
        var spans = [PrioritySpan(start: created, end: ClockTrack.Span.open, priority: timeline.initialPriority)]
        for (at, priority) in changes {
            spans[spans.count - 1].end = at
            spans.append(PrioritySpan(start: at, end: ClockTrack.Span.open, priority: priority))
        }
        return spans.filter { $0.start < $0.end }
    }

    /// Sorted by time, the given order kept for equal times, nothing after `now`.
    private static func ordered<Value>(_ changes: [(Int, Value)], until now: Int) -> [(Int, Value)] {
        changes.enumerated()
            .filter { $0.element.0 <= now }
            .sorted { ($0.element.0, $0.offset) < ($1.element.0, $1.offset) }
            .map(\.element)
    }
}

/// A stretch of time at one priority; the last one is open (`end == Int.max`).
struct PrioritySpan: Equatable {
    var start: Int
    var end: Int
    var priority: Priority
}
