import Foundation

/// One clock of a ticket (first response or resolution) at an instant: what the API shows in
/// `sla.firstResponse` / `sla.resolution`, and the instants a worker indexes.
///
/// Amounts are whole seconds of working time (of the policy's calendar).
public struct SLAClockState: Sendable, Equatable, Codable {
    public let metric: SLAMetric
    /// The priority whose target applies: the current one, or the one in force when the clock stopped.
    public let priority: Priority
    public let targetSeconds: Int
    /// When the target is (or was) used up, counted from the ticket's creation under `priority`.
    /// For a stopped clock, the due time that applied. `nil` while paused with time left (it depends on
    /// when the ticket resumes).
    public let dueAt: Date?
    /// Target minus consumed; negative once overdue; frozen while paused or stopped.
    public let remainingSeconds: Int
    /// Working time the clock has run.
    public let consumedSeconds: Int
    /// Working time spent in `waiting_customer` while the resolution clock was active (0 for first response).
    public let pausedSeconds: Int
    public let level: SLALevel
    /// When the clock stopped in time.
    public let metAt: Date?
    /// When the due time passed (or the priority raise that made it overdue), once that has happened.
    public let breachedAt: Date?
    /// When the clock stopped (first response, or the current resolution), in time or not.
    public let stoppedAt: Date?
    /// The first instant with at most 50 % left: past, or projected if nothing changes; `nil` if never.
    public let warningAt: Date?
    /// The first instant with less than 20 % left: past, or projected if nothing changes; `nil` if never.
    public let criticalAt: Date?
    /// The instant after which the clock is breached: past, or projected if nothing changes; `nil` if never.
    public let breachAt: Date?
    /// The next of `warningAt`, `criticalAt`, `breachAt` still ahead of the evaluation instant: what a
    /// worker's due-time index holds. `nil` when stopped or paused (nothing can happen until a change).
    public let nextCrossingAt: Date?

    public init(
        metric: SLAMetric, priority: Priority, targetSeconds: Int, dueAt: Date?, remainingSeconds: Int, consumedSeconds: Int,
        pausedSeconds: Int, level: SLALevel, metAt: Date?, breachedAt: Date?, stoppedAt: Date?, warningAt: Date?,
        criticalAt: Date?, breachAt: Date?, nextCrossingAt: Date?
    ) {
        self.metric = metric
        self.priority = priority
        self.targetSeconds = targetSeconds
        self.dueAt = dueAt
        self.remainingSeconds = remainingSeconds
        self.consumedSeconds = consumedSeconds
        self.pausedSeconds = pausedSeconds
        self.level = level
        self.metAt = metAt
        self.breachedAt = breachedAt
        self.stoppedAt = stoppedAt
        self.warningAt = warningAt
        self.criticalAt = criticalAt
        self.breachAt = breachAt
        self.nextCrossingAt = nextCrossingAt
    }
}
