/// The arithmetic behind `SLAClock`, for one clock, in milliseconds.
struct ClockEvaluation {
    let metric: SLAMetric
    let targets: SLATargets
    let calendar: BusinessCalendar
    let track: ClockTrack
    let priorities: [PrioritySpan]
    let now: Int

    /// A crossing: the infimum of the instants at which the clock is active and past a threshold, and
    /// whether that instant itself is past it (it is not when it is exactly the due time).
    struct Crossing {
        let at: Int
        let attained: Bool
    }

    func state() -> SLAClockState {
        let priority = effectivePriority
        let target = targetMillis(priority)
        let consumed = consumedMillis(until: now)
        let breach = crossing { target in target }
        let breached = breach.map { $0.at < now || ($0.at == now && $0.attained) } ?? false
        let warning = crossing { target in target - target / 2 }
        let critical = crossing { target in target * 4 / 5 + 1 }
        // A stopped clock's due time is where it would have been had it kept running; a paused clock has
        // one only if its target was already used up.
        let due = instant(consuming: target, over: track.runningAsIfContinued)

        let level: SLALevel = if breached {
            .breached
        } else if track.stoppedAt != nil {
            .met
        } else if track.isPaused {
            .paused
        } else {
            .of(remaining: target - consumed, target: target)
        }
        var upcoming: [Int] = []
        if track.stoppedAt == nil {
            if let warning, warning.at > now { upcoming.append(warning.at) }
            if let critical, critical.at > now { upcoming.append(critical.at) }
            if let breach, !breached { upcoming.append(breach.at) }
        }
        return SLAClockState(
            metric: metric, priority: priority, targetSeconds: Millis.seconds(target), dueAt: due.map(Millis.date),
            remainingSeconds: Millis.seconds(target - consumed), consumedSeconds: Millis.seconds(consumed),
            pausedSeconds: Millis.seconds(track.paused.reduce(0) { $0 + calendar.workingMillis(from: $1.start, to: min($1.end, now)) }),
            level: level, metAt: breached ? nil : track.stoppedAt.map(Millis.date),
            breachedAt: breached ? breach.map { Millis.date($0.at) } : nil,
            stoppedAt: track.stoppedAt.map(Millis.date), warningAt: warning.map { Millis.date($0.at) },
            criticalAt: critical.map { Millis.date($0.at) }, breachAt: breach.map { Millis.date($0.at) },
            nextCrossingAt: upcoming.min().map(Millis.date)
        )
    }

    /// The priority of the instant the clock is read at: now, or just before it stopped.
    private var effectivePriority: Priority {
        let instant = track.stoppedAt ?? now
        let inForce = priorities.last { $0.start < instant || ($0.start == instant && track.stoppedAt == nil) }
        return (inForce ?? priorities[0]).priority
    }

    private func targetMillis(_ priority: Priority) -> Int {
        targets[priority].seconds(for: metric) * Millis.second
    }

    /// Working time the clock ran before `instant`.
    private func consumedMillis(until instant: Int) -> Int {
        track.running.reduce(0) { total, span in
            span.start < instant ? total + calendar.workingMillis(from: span.start, to: min(span.end, instant)) : total
        }
    }

    /// The earliest instant at which `amount` (> 0) of working time has run over `spans`; `nil` if never.
    private func instant(consuming amount: Int, over spans: [ClockTrack.Span]) -> Int? {
        var consumed = 0
        for span in spans {
            let needed = amount - consumed
            if span.end == ClockTrack.Span.open { return calendar.addingWorkingMillis(needed, to: span.start) }
            let available = calendar.workingMillis(from: span.start, to: span.end)
            if available >= needed { return calendar.addingWorkingMillis(needed, to: span.start) }
            consumed += available
        }
        return nil
    }

    /// The first instant at which the clock is active and has consumed at least `threshold` of the
    /// priority then in force. Past priority spans count too, which is what makes crossings final.
    private func crossing(_ threshold: (Int) -> Int) -> Crossing? {
        var reached: [Priority: Int?] = [:]
        for span in priorities {
            let target = targetMillis(span.priority)
            let point: Int?
            if let known = reached[span.priority] {
                point = known
            } else {
                point = instant(consuming: threshold(target), over: track.running)
                reached[span.priority] = point
            }
            guard let point else { continue }
            let from = max(span.start, point)
            guard from < span.end, let active = earliestActive(from: from, before: span.end) else { continue }
            return Crossing(at: active, attained: active > point)
        }
        return nil
    }

    private func earliestActive(from lower: Int, before upper: Int) -> Int? {
        guard let span = track.active.first(where: { $0.end > lower }) else { return nil }
        let instant = max(span.start, lower)
        return instant < upper ? instant : nil
    }
}
