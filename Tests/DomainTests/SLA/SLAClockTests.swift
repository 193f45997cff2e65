import Domain
import Foundation
import Testing

/// The SLA clock on named scenarios: business hours, pauses, priority changes, thresholds, met and
/// breached, reopening.
struct SLAClockTests {
    static let berlin = "Europe/Berlin"
    static let policyID = SLAPolicyID(UUID())

    static func at(_ text: String) -> Date { Instant.local(text, berlin) }

    /// The §6 targets counted in Berlin office hours (Monday to Friday 09:00–17:00).
    static func officeClock() throws -> SLAClock {
        SLAClock(policyID: policyID, targets: .defaults, calendar: try BusinessCalendar(.officeHours(timeZone: berlin)))
    }

    static func statuses(_ changes: (String, TicketStatus)...) -> [SLATimeline.Change<TicketStatus>] {
        changes.map { SLATimeline.Change(at: at($0.0), $0.1) }
    }

    // MARK: Business hours

    @Test func fridayEveningTicketIsDueMonday() throws {
        let clock = try Self.officeClock()
        let timeline = SLATimeline(createdAt: Self.at("2026-03-20 18:30"), priority: .medium)

        let saturday = clock.evaluate(timeline, at: Self.at("2026-03-21 12:00"))
        #expect(saturday.policyID == Self.policyID)
        #expect(saturday.firstResponse.dueAt == Self.at("2026-03-23 10:00"), "1 h of office time after Friday evening")
        #expect(saturday.resolution.dueAt == Self.at("2026-03-23 17:00"), "8 h: all of Monday")
        #expect(saturday.firstResponse.remainingSeconds == 3_600 && saturday.firstResponse.consumedSeconds == 0)
        #expect(saturday.firstResponse.level == .ok)
        #expect(saturday.firstResponse.warningAt == Self.at("2026-03-23 09:30"))
        #expect(saturday.nextCrossingAt == Self.at("2026-03-23 09:30"), "nothing happens before Monday 09:30")

        let monday = clock.evaluate(timeline, at: Self.at("2026-03-23 09:45"))
        #expect(monday.firstResponse.level == .warning && monday.firstResponse.remainingSeconds == 900)
        #expect(monday.resolution.level == .ok && monday.resolution.remainingSeconds == 8 * 3_600 - 45 * 60)

        let late = clock.evaluate(timeline, at: Self.at("2026-03-23 10:00:01"))
        #expect(late.firstResponse.level == .breached && late.firstResponse.breachedAt == Self.at("2026-03-23 10:00"))
        #expect(late.firstResponse.remainingSeconds == -1)

        var answered = timeline
        answered.firstResponseAt = Self.at("2026-03-23 09:50")
        let met = clock.evaluate(answered, at: Self.at("2026-03-24 12:00"))
        #expect(met.firstResponse.level == .met && met.firstResponse.metAt == Self.at("2026-03-23 09:50"))
        #expect(met.firstResponse.breachedAt == nil && met.firstResponse.remainingSeconds == 600 && met.firstResponse.nextCrossingAt == nil)
        #expect(met.firstResponse.dueAt == Self.at("2026-03-23 10:00"), "a met clock still shows the due time that applied")
        #expect(met.resolution.level == .breached && met.resolution.breachedAt == Self.at("2026-03-23 17:00"))
    }

    @Test func dueExactlyAtTheEndOfTheDayIsNotLateUntilAfterIt() throws {
        let clock = try Self.officeClock()
        // Created Monday 09:00 at medium: resolution is due at 17:00, the end of the slot.
        let timeline = SLATimeline(createdAt: Self.at("2026-03-23 09:00"), priority: .medium)
        let atDue = clock.evaluate(timeline, at: Self.at("2026-03-23 17:00"))
        #expect(atDue.resolution.dueAt == Self.at("2026-03-23 17:00"))
        #expect(atDue.resolution.level == .critical && atDue.resolution.remainingSeconds == 0, "at the due instant itself nothing is late yet")
        let evening = clock.evaluate(timeline, at: Self.at("2026-03-23 19:00"))
        #expect(evening.resolution.level == .breached, "after the due time it is, though no working time passed since")
        #expect(evening.resolution.remainingSeconds == 0 && evening.resolution.breachedAt == Self.at("2026-03-23 17:00"))

        var resolvedAtDue = timeline
        resolvedAtDue.statusChanges = Self.statuses(("2026-03-23 17:00", .resolved))
        let met = clock.evaluate(resolvedAtDue, at: Self.at("2026-03-24 09:00"))
        #expect(met.resolution.level == .met && met.resolution.metAt == Self.at("2026-03-23 17:00"), "resolved at the due instant is in time")
    }

    // MARK: Pauses

    @Test func pauseSpanningAWeekendStopsOnlyTheResolutionClock() {
        let timeline = SLATimeline(
            createdAt: Self.at("2026-03-20 10:00"), priority: .high,
            statusChanges: Self.statuses(
                ("2026-03-20 10:05", .assigned), ("2026-03-20 10:10", .inProgress),
                ("2026-03-20 12:00", .waitingCustomer), ("2026-03-23 09:00", .inProgress)
            ),
            firstResponseAt: Self.at("2026-03-20 10:10")
        )
        let clock = SLAClock.default // around the clock: only the pause keeps the weekend from counting

        let saturday = clock.evaluate(timeline, at: Self.at("2026-03-21 12:00"))
        #expect(saturday.resolution.level == .paused)
        #expect(saturday.resolution.remainingSeconds == 2 * 3_600 && saturday.resolution.consumedSeconds == 2 * 3_600)
        #expect(saturday.resolution.pausedSeconds == 24 * 3_600)
        #expect(saturday.resolution.dueAt == nil, "while paused the due time depends on when the customer answers")
        #expect(saturday.resolution.nextCrossingAt == nil)
        #expect(saturday.resolution.warningAt == Self.at("2026-03-20 12:00"), "half of 4 h was used exactly when the pause began")
        #expect(saturday.firstResponse.level == .met, "first response never pauses, and it was met")

        let monday = clock.evaluate(timeline, at: Self.at("2026-03-23 10:00"))
        #expect(monday.resolution.level == .warning)
        #expect(monday.resolution.consumedSeconds == 3 * 3_600 && monday.resolution.remainingSeconds == 3_600)
        #expect(monday.resolution.pausedSeconds == 69 * 3_600)
        #expect(monday.resolution.dueAt == Self.at("2026-03-23 11:00"))
        #expect(monday.resolution.criticalAt == Self.at("2026-03-23 10:12").plusOneMillisecond,
                "less than 20 % (48 min) left from 10:12:00.001")
    }

    @Test func pausedTimeIsCountedInWorkingTime() throws {
        let clock = try Self.officeClock()
        let timeline = SLATimeline(
            createdAt: Self.at("2026-03-20 14:00"), priority: .medium,
            statusChanges: Self.statuses(("2026-03-20 16:00", .waitingCustomer), ("2026-03-23 11:00", .inProgress))
        )
        let state = clock.evaluate(timeline, at: Self.at("2026-03-23 12:00")).resolution
        #expect(state.pausedSeconds == 3 * 3_600, "Friday 16–17 and Monday 09–11")
        #expect(state.consumedSeconds == 3 * 3_600, "Friday 14–16 and Monday 11–12")
        #expect(state.dueAt == Self.at("2026-03-23 17:00"), "2 h on Friday, 6 h from Monday 11:00")
    }

    @Test func breachedStaysBreachedWhilePaused() {
        let timeline = SLATimeline(
            createdAt: Self.at("2026-03-23 09:00"), priority: .urgent,
            statusChanges: Self.statuses(("2026-03-23 09:01", .inProgress), ("2026-03-23 11:30", .waitingCustomer))
        )
        let state = SLAClock.default.evaluate(timeline, at: Self.at("2026-03-23 12:00")).resolution
        #expect(state.level == .breached && state.breachedAt == Self.at("2026-03-23 11:00"))
        #expect(state.dueAt == Self.at("2026-03-23 11:00"), "a used-up target has a due time even while paused")
    }

    // MARK: Priority changes

    @Test func raisingThePriorityRecomputesFromTheStart() {
        let created = Self.at("2026-03-23 09:00")
        let raised = SLATimeline(
            createdAt: created, priority: .low,
            priorityChanges: [SLATimeline.Change(at: Self.at("2026-03-23 09:10"), .high)]
        )
        let state = SLAClock.default.evaluate(raised, at: Self.at("2026-03-23 09:20")).firstResponse
        #expect(state.priority == .high && state.targetSeconds == 1_800)
        #expect(state.dueAt == Self.at("2026-03-23 09:30"), "30 min from creation, not from the change")
        #expect(state.level == .warning && state.remainingSeconds == 600)
        #expect(state.warningAt == Self.at("2026-03-23 09:15"))
        #expect(state.nextCrossingAt == Self.at("2026-03-23 09:24").plusOneMillisecond)
    }

    @Test func raisingThePriorityPastItsTargetBreachesAtTheChange() {
        let change = Self.at("2026-03-23 09:20")
        let timeline = SLATimeline(createdAt: Self.at("2026-03-23 09:00"), priority: .low, priorityChanges: [SLATimeline.Change(at: change, .urgent)])
        let before = SLAClock.default.evaluate(timeline, at: Self.at("2026-03-23 09:19:59")).firstResponse
        #expect(before.level == .ok && before.priority == .low && before.breachAt == Self.at("2026-03-23 11:00"),
                "at 09:19:59 the change has not happened: the projection is that of low")
        let atChange = SLAClock.default.evaluate(timeline, at: change).firstResponse
        #expect(atChange.level == .breached && atChange.breachedAt == change, "breached from the instant of the change, not from 09:15")
        #expect(atChange.dueAt == Self.at("2026-03-23 09:15") && atChange.remainingSeconds == -300)
        #expect(atChange.warningAt == change && atChange.criticalAt == change)
    }

    @Test func loweringThePriorityDoesNotUndoABreach() {
        let timeline = SLATimeline(
            createdAt: Self.at("2026-03-23 09:00"), priority: .urgent,
            priorityChanges: [SLATimeline.Change(at: Self.at("2026-03-23 09:20"), .low)]
        )
        let state = SLAClock.default.evaluate(timeline, at: Self.at("2026-03-23 09:30")).firstResponse
        #expect(state.level == .breached && state.breachedAt == Self.at("2026-03-23 09:15"))
        #expect(state.priority == .low && state.dueAt == Self.at("2026-03-23 11:00") && state.remainingSeconds == 90 * 60)

        let early = SLATimeline(
            createdAt: Self.at("2026-03-23 09:00"), priority: .urgent,
            priorityChanges: [SLATimeline.Change(at: Self.at("2026-03-23 09:10"), .low)]
        )
        let relaxed = SLAClock.default.evaluate(early, at: Self.at("2026-03-23 09:30")).firstResponse
        #expect(relaxed.level == .ok, "lowered before the breach: 90 of 120 min left")
        #expect(relaxed.warningAt == Self.at("2026-03-23 09:07:30"), "the warning at urgent was reached and stays recorded")
        #expect(relaxed.nextCrossingAt == Self.at("2026-03-23 10:36").plusOneMillisecond, "next: critical at low")
    }

    @Test func aStoppedClockKeepsThePriorityItStoppedUnder() {
        let timeline = SLATimeline(
            createdAt: Self.at("2026-03-23 09:00"), priority: .low,
            priorityChanges: [SLATimeline.Change(at: Self.at("2026-03-23 10:00"), .urgent)],
            firstResponseAt: Self.at("2026-03-23 09:40")
        )
        let state = SLAClock.default.evaluate(timeline, at: Self.at("2026-03-23 11:00")).firstResponse
        #expect(state.level == .met && state.priority == .low && state.dueAt == Self.at("2026-03-23 11:00"))
    }

    // MARK: Thresholds

    @Test("levels at exactly 50 % and 20 % left", arguments: [
        ("09:07:29", SLALevel.ok, 451), ("09:07:30", .warning, 450), ("09:12:00", .warning, 180),
        ("09:12:01", .critical, 179), ("09:15:00", .critical, 0), ("09:15:01", .breached, -1),
    ])
    func thresholds(time: String, level: SLALevel, remaining: Int) {
        let timeline = SLATimeline(createdAt: Self.at("2026-03-23 09:00"), priority: .urgent) // 15 min first response
        let state = SLAClock.default.evaluate(timeline, at: Self.at("2026-03-23 \(time)")).firstResponse
        #expect(state.level == level && state.remainingSeconds == remaining, "at \(time): \(state.level), \(state.remainingSeconds) s left")
    }

    @Test func thresholdInstantsAreExact() {
        let timeline = SLATimeline(createdAt: Self.at("2026-03-23 09:00"), priority: .urgent)
        let state = SLAClock.default.evaluate(timeline, at: Self.at("2026-03-23 09:00")).firstResponse
        #expect(state.warningAt == Self.at("2026-03-23 09:07:30"), "50 % left is already a warning")
        #expect(state.criticalAt == Self.at("2026-03-23 09:12").plusOneMillisecond, "20 % left is still a warning")
        #expect(state.breachAt == Self.at("2026-03-23 09:15") && state.dueAt == Self.at("2026-03-23 09:15"))
        let justCritical = SLAClock.default.evaluate(timeline, at: Self.at("2026-03-23 09:12").plusOneMillisecond).firstResponse
        #expect(justCritical.level == .critical && justCritical.remainingSeconds == 179, "179.999 s left reads as 179")
    }

    // MARK: Stopping

    @Test func resolutionWithoutReplySatisfiesFirstResponse() {
        let timeline = SLATimeline(
            createdAt: Self.at("2026-03-23 09:00"), priority: .medium, statusChanges: Self.statuses(("2026-03-23 09:30", .resolved))
        )
        let status = SLAClock.default.evaluate(timeline, at: Self.at("2026-03-23 12:00"))
        #expect(status.firstResponse.level == .met && status.firstResponse.metAt == Self.at("2026-03-23 09:30"))
        #expect(status.resolution.level == .met && status.resolution.metAt == Self.at("2026-03-23 09:30"))
        #expect(status.nextCrossingAt == nil)
    }

    @Test func reopeningContinuesTheResolutionClock() {
        let timeline = SLATimeline(
            createdAt: Self.at("2026-03-23 09:00"), priority: .urgent,
            statusChanges: Self.statuses(
                ("2026-03-23 09:05", .inProgress), ("2026-03-23 10:00", .resolved), ("2026-03-23 10:30", .closed),
                ("2026-03-23 15:00", .reopened)
            ),
            firstResponseAt: Self.at("2026-03-23 09:05")
        )
        let closed = SLAClock.default.evaluate(timeline, at: Self.at("2026-03-23 14:00")).resolution
        #expect(closed.level == .met && closed.metAt == Self.at("2026-03-23 10:00"), "stopped when resolved, not when closed")
        #expect(closed.dueAt == Self.at("2026-03-23 11:00"))

        let reopened = SLAClock.default.evaluate(timeline, at: Self.at("2026-03-23 15:30")).resolution
        #expect(reopened.consumedSeconds == 90 * 60, "1 h before the resolution, 30 min since the reopen; resolved time not counted")
        #expect(reopened.level == .warning && reopened.metAt == nil)
        #expect(reopened.dueAt == Self.at("2026-03-23 16:00"))
        #expect(reopened.warningAt == Self.at("2026-03-23 15:00"),
                "half was used exactly when it was resolved, so the warning comes with the reopen")

        let lateAgain = SLAClock.default.evaluate(timeline, at: Self.at("2026-03-23 16:30")).resolution
        #expect(lateAgain.level == .breached && lateAgain.breachedAt == Self.at("2026-03-23 16:00"))
    }

    @Test func resolvedLateIsBreachedNotMet() {
        let timeline = SLATimeline(
            createdAt: Self.at("2026-03-23 09:00"), priority: .urgent, statusChanges: Self.statuses(("2026-03-23 12:00", .resolved))
        )
        let state = SLAClock.default.evaluate(timeline, at: Self.at("2026-03-24 09:00")).resolution
        #expect(state.level == .breached && state.breachedAt == Self.at("2026-03-23 11:00") && state.metAt == nil)
        #expect(state.stoppedAt == Self.at("2026-03-23 12:00") && state.remainingSeconds == -3_600)
    }

    @Test func changesAfterTheEvaluationInstantAreIgnored() {
        let timeline = SLATimeline(
            createdAt: Self.at("2026-03-23 09:00"), priority: .medium,
            priorityChanges: [SLATimeline.Change(at: Self.at("2026-03-23 09:45"), .urgent)],
            statusChanges: Self.statuses(("2026-03-23 09:40", .resolved)),
            firstResponseAt: Self.at("2026-03-23 09:50")
        )
        let earlier = SLAClock.default.evaluate(timeline, at: Self.at("2026-03-23 09:30"))
        #expect(earlier.firstResponse.level == .warning && earlier.firstResponse.priority == .medium)
        #expect(earlier.resolution.level == .ok && earlier.resolution.stoppedAt == nil)
    }
}
