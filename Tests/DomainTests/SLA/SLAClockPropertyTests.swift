import Domain
import Foundation
import Testing

/// `SLAClock` against the minute-by-minute `ReferenceSLA` on random ticket lives: statuses that pause,
/// stop and reopen, priority changes, responses, and targets of odd lengths, in three calendars.
struct SLAClockPropertyTests {
    static let window = (from: Instant.utc("2026-02-20 00:00"), to: Instant.utc("2027-01-20 00:00"))
    static let casesPerCalendar = 400
    static let horizon = 4 * 86_400_000

    static let definitions: [BusinessCalendarDefinition?] = [
        nil,
        .officeHours(timeZone: "Europe/Berlin", holidays: [
            Holiday(date: LocalDate("2026-04-03")!), Holiday(date: LocalDate("2026-04-06")!),
            Holiday(date: LocalDate("2026-12-24")!, openSlots: [TimeSlot(from: (9, 0), to: (12, 0))]),
            Holiday(date: LocalDate("2026-12-25")!),
        ]),
        BusinessCalendarDefinition(
            timeZone: "America/New_York",
            weeklySlots: WeeklySlot.every(1...6, TimeSlot(from: (8, 0), to: (12, 0))) + WeeklySlot.every(1...6, TimeSlot(from: (13, 0), to: (19, 30)))
                + [WeeklySlot(weekday: 7, TimeSlot(from: (0, 0), to: (3, 0)))],
            holidays: [Holiday(date: LocalDate("2026-11-26")!), Holiday(date: LocalDate("2026-11-01")!, openSlots: [TimeSlot(from: (1, 0), to: (2, 0))])]
        ),
    ]

    @Test("random ticket lives agree with the minute-by-minute reference", arguments: 0..<3)
    func agreesWithReference(calendarIndex: Int) async throws {
        let definition = Self.definitions[calendarIndex]
        let calendar = try definition.map { try BusinessCalendar($0) } ?? .always
        let referenceCalendar = await ReferenceCalendar(definition, from: Self.window.from, to: Self.window.to)
        var random = SeededRandom(seed: UInt64(calendarIndex) &+ 4_242)
        let minute = ReferenceSLA.minute
        let low = Int(Instant.utc("2026-03-01 00:00").timeIntervalSince1970) / 60
        let high = Int(Instant.utc("2026-12-20 00:00").timeIntervalSince1970) / 60

        var failures: [String] = []
        var checks = 0
        for index in 0..<Self.casesPerCalendar {
            // CPU-bound: let the parallel run's other tasks have the cooperative pool now and then.
            if index % 20 == 0 { await Task.yield() }
            let created = random.int(low...high) * minute
            func later(_ limit: Int) -> Int { random.int(0...limit) * minute }
            var at = created
            var statusChanges: [(Int, TicketStatus)] = []
            for _ in 0..<random.int(0...7) {
                at += random.chance(0.15) ? 0 : later(random.chance(0.5) ? 120 : 3_000)
                statusChanges.append((at, random.pick(TicketStatus.allCases)))
            }
            at = created
            var priorityChanges: [(Int, Priority)] = []
            for _ in 0..<random.int(0...3) {
                at += later(random.chance(0.5) ? 60 : 2_000)
                priorityChanges.append((at, random.pick(Priority.allCases)))
            }
            let responded = random.chance(0.5) ? created + later(random.chance(0.5) ? 90 : 3_000) : nil
            var now = created + later(random.chance(0.3) ? 240 : 5_000)
            var targets = SLATargets.defaults
            if random.chance(0.5) {
                for priority in Priority.allCases {
                    targets[priority] = SLATarget(firstResponseSeconds: random.int(1...14_400), resolutionSeconds: random.int(1...86_400))
                }
            }
            let initial = random.pick(Priority.allCases)
            func reference(at now: Int) -> ReferenceSLA {
                ReferenceSLA(
                    created: created, now: now, horizon: Self.horizon, initialPriority: initial, priorityChanges: priorityChanges,
                    statusChanges: statusChanges, respondedAt: responded, targets: targets, calendar: referenceCalendar
                )
            }
            if random.chance(0.3) {
                // Evaluate exactly at an instant where something happens: a due time or a warning, when on a minute.
                let projected = reference(at: now).answer(random.pick(SLAMetric.allCases))
                if let instant = random.chance(0.7) ? projected.dueAt : projected.warningAt, instant % minute == 0, instant >= created {
                    now = instant
                }
            }

            func date(_ millis: Int) -> Date { Date(timeIntervalSince1970: Double(millis) / 1_000) }
            let timeline = SLATimeline(
                createdAt: date(created), priority: initial,
                priorityChanges: priorityChanges.map { SLATimeline.Change(at: date($0.0), $0.1) },
                statusChanges: statusChanges.map { SLATimeline.Change(at: date($0.0), $0.1) },
                firstResponseAt: responded.map(date)
            )
            let status = SLAClock(policyID: nil, targets: targets, calendar: calendar).evaluate(timeline, at: date(now))
            let expected = reference(at: now)
            for metric in SLAMetric.allCases {
                let state = metric == .firstResponse ? status.firstResponse : status.resolution
                let want = expected.answer(metric)
                func millis(_ date: Date?) -> Int? {
                    date.map { Int(($0.timeIntervalSince1970 * 1_000).rounded()) }.flatMap { $0 <= expected.end ? $0 : nil }
                }
                let got = ReferenceSLA.Answer(
                    priority: state.priority, dueAt: millis(state.dueAt), consumed: state.consumedSeconds * 1_000,
                    paused: state.pausedSeconds * 1_000, level: state.level, metAt: millis(state.metAt),
                    breachedAt: millis(state.breachedAt), warningAt: millis(state.warningAt), criticalAt: millis(state.criticalAt),
                    nextCrossingAt: millis(state.nextCrossingAt)
                )
                checks += 1
                let remainingOK = state.remainingSeconds == Int((Double(targets[state.priority].seconds(for: metric) * 1_000 - want.consumed) / 1_000).rounded(.down))
                if (got != want || !remainingOK), failures.count < 5 {
                    failures.append("""
                        calendar \(calendarIndex) case \(index) \(metric): created \(date(created)) at \(initial), now \(date(now)), \
                        statuses \(statusChanges.map { "\(date($0.0)) \($0.1.rawValue)" }), priorities \(priorityChanges.map { "\(date($0.0)) \($0.1)" }), \
                        responded \(responded.map { date($0).description } ?? "-")
                          got      \(got) remaining \(state.remainingSeconds)
                          expected \(want)
                        """)
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.count)+ mismatches:\n\(failures.joined(separator: "\n"))")
        #expect(checks == Self.casesPerCalendar * 2, "both clocks of every case were checked")
    }
}
