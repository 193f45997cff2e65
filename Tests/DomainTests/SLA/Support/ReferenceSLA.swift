import Domain
import Foundation

/// A brute-force SLA clock, written independently of `SLAClock`: it walks the ticket's life minute by
/// minute (every event of a generated timeline is on a whole minute, and `ReferenceCalendar` says
/// whether each minute is working time), accumulating consumed time, and reads every answer off that
/// walk. Inside a minute nothing changes, so the instant a threshold is reached is found by
/// interpolating within its minute. The walk ends `horizon` after `now`: projected instants beyond it
/// are reported as `nil`.
struct ReferenceSLA {
    struct Answer: Equatable, CustomStringConvertible {
        var priority: Priority
        var dueAt: Int?
        var consumed: Int
        var paused: Int
        var level: SLALevel
        var metAt: Int?
        var breachedAt: Int?
        var warningAt: Int?
        var criticalAt: Int?
        var nextCrossingAt: Int?

        var description: String {
            func text(_ value: Int?) -> String { value.map { Date(timeIntervalSince1970: Double($0) / 1_000).description } ?? "-" }
            return "\(level) at \(priority): due \(text(dueAt)), consumed \(consumed) ms, paused \(paused) ms, met \(text(metAt)), "
                + "breached \(text(breachedAt)), warning \(text(warningAt)), critical \(text(criticalAt)), next \(text(nextCrossingAt))"
        }
    }

    static let minute = 60_000

    let created: Int
    let now: Int
    let end: Int
    let targets: SLATargets
    /// Per minute from `created` to `end`: the priority, whether it is working time, whether the status is
    /// active (not resolved or closed) and whether it is `waiting_customer`.
    /// Priority ranks (plain integers and booleans keep the debug-built walk fast).
    private let priorities: [Int]
    private let working: [Bool]
    private let isActive: [Bool]
    private let isWaiting: [Bool]
    private let respondedAt: Int?

    /// All instants in milliseconds on whole minutes; changes sorted by time (later wins at equal times);
    /// changes after `now` are ignored, and the state at `now` is taken to last.
    init(
        created: Int, now: Int, horizon: Int, initialPriority: Priority, priorityChanges: [(Int, Priority)],
        statusChanges: [(Int, TicketStatus)], respondedAt: Int?, targets: SLATargets, calendar: ReferenceCalendar
    ) {
        self.created = created
        self.now = now
        self.end = now + horizon
        self.targets = targets
        self.respondedAt = respondedAt.flatMap { $0 <= now ? max($0, created) : nil }
        var statuses: [TicketStatus] = []
        var priorities: [Priority] = []
        var working: [Bool] = []
        var (status, priority) = (TicketStatus.open, initialPriority)
        var (nextStatus, nextPriority) = (0, 0)
        for t in stride(from: created, to: end, by: Self.minute) {
            while nextStatus < statusChanges.count, statusChanges[nextStatus].0 <= min(t, now) {
                status = statusChanges[nextStatus].1
                nextStatus += 1
            }
            while nextPriority < priorityChanges.count, priorityChanges[nextPriority].0 <= min(t, now) {
                priority = priorityChanges[nextPriority].1
                nextPriority += 1
            }
            statuses.append(status)
            priorities.append(priority)
            working.append(calendar.isWorking(t / 1_000))
        }
        self.priorities = priorities.map(\.rank)
        self.working = working
        self.isActive = statuses.map(\.isActive)
        self.isWaiting = statuses.map { $0 == .waitingCustomer }
    }

    func answer(_ metric: SLAMetric) -> Answer {
        // Locals, not members: a debug build copies the whole struct on each member call in a loop.
        let (created, now, isActive, isWaiting, working, priorities) = (created, now, isActive, isWaiting, working, priorities)
        let nowIndex = (now - created) / Self.minute
        func start(_ index: Int) -> Int { created + index * Self.minute }
        let count = isActive.count
        let isFirstResponse = metric == .firstResponse
        let stop: Int?
        if isFirstResponse {
            let finished = (0...nowIndex).first { !isActive[$0] }.map(start)
            stop = [respondedAt, finished].compactMap { $0 }.min()
        } else {
            stop = isActive[nowIndex] ? nil : ((0..<nowIndex).last { isActive[$0] }.map { start($0 + 1) } ?? created)
        }
        let stopIndex = stop.map { ($0 - created) / Self.minute } ?? count
        var active = [Bool](repeating: false, count: count)
        var running = [Bool](repeating: false, count: count)
        // Consumed time at each minute's start: as the ticket went, and as if a stopped clock had kept running.
        var consumed = [Int](repeating: 0, count: count + 1)
        var continued = [Int](repeating: 0, count: count + 1)
        for i in 0..<count {
            active[i] = isFirstResponse ? i < stopIndex : isActive[i]
            running[i] = active[i] && (isFirstResponse || !isWaiting[i])
            consumed[i + 1] = consumed[i] + (running[i] && working[i] ? Self.minute : 0)
            continued[i + 1] = continued[i] + ((running[i] || i >= stopIndex) && working[i] ? Self.minute : 0)
        }
        // The instant the table first reaches `amount`: find the minute by bisection (the table never
        // decreases), then interpolate inside it.
        func reached(_ amount: Int, _ table: [Int]) -> Int? {
            guard table[table.count - 1] >= amount else { return nil }
            var (low, high) = (0, table.count - 1) // table[low] < amount <= table[high]
            while high - low > 1 {
                let middle = (low + high) / 2
                if table[middle] >= amount { high = middle } else { low = middle }
            }
            return start(low) + (amount - table[low])
        }
        func target(_ p: Priority) -> Int { targets[p].seconds(for: metric) * 1_000 }
        let ranked = Priority.allCases.sorted { $0.rank < $1.rank }
        // The first instant at which the clock is active with at least `threshold` of the target of the priority then in force used.
        func crossing(_ threshold: (Int) -> Int) -> (at: Int, attained: Bool)? {
            let points = ranked.map { reached(threshold(target($0)), consumed) }
            for i in 0..<count where active[i] {
                guard let point = points[priorities[i]], point < start(i) + Self.minute else { continue }
                let at = max(start(i), point)
                return (at, at > point)
            }
            return nil
        }

        let priority = ranked[stop.map { $0 == created ? priorities[0] : priorities[($0 - created) / Self.minute - 1] } ?? priorities[nowIndex]]
        let goal = target(priority)
        let consumedNow = consumed[nowIndex]
        let breach = crossing { $0 }
        let breached = breach.map { $0.at < now || ($0.at == now && $0.attained) } ?? false
        let warning = crossing { $0 - $0 / 2 }
        let critical = crossing { $0 * 4 / 5 + 1 }
        let paused = metric == .resolution
            ? (0..<nowIndex).filter { isWaiting[$0] && working[$0] }.count * Self.minute
            : 0
        let level: SLALevel
        if breached {
            level = .breached
        } else if stop != nil {
            level = .met
        } else if !isFirstResponse && isWaiting[nowIndex] {
            level = .paused
        } else {
            let left = goal - consumedNow
            level = left * 2 > goal ? .ok : left * 5 >= goal ? .warning : .critical
        }
        var upcoming: [Int] = []
        if stop == nil {
            if let warning, warning.at > now { upcoming.append(warning.at) }
            if let critical, critical.at > now { upcoming.append(critical.at) }
            if let breach, !breached { upcoming.append(breach.at) }
        }
        return Answer(
            priority: priority, dueAt: reached(goal, stop == nil ? consumed : continued), consumed: consumedNow, paused: paused,
            level: level, metAt: breached ? nil : stop, breachedAt: breached ? breach?.at : nil, warningAt: warning?.at,
            criticalAt: critical?.at, nextCrossingAt: upcoming.min()
        )
    }
}
