import Domain
import Foundation
import Testing

/// `BusinessCalendar` against the brute-force `ReferenceCalendar` on random calendars and random
/// instants: 13 calendars × 800 cases = 10,400 cases, each checking `isWorking`, `workingTime`,
/// `addingWorkingTime` and additivity. Every case is replayable from its seed, printed on failure.
struct BusinessCalendarPropertyTests {
    static let window = (from: Instant.utc("2025-12-20 00:00"), to: Instant.utc("2027-03-01 00:00"))
    static let starts = (from: Instant.utc("2025-12-25 00:00"), to: Instant.utc("2027-01-20 00:00"))
    static let casesPerCalendar = 800

    /// Seed 0 is the 24/7 calendar; the others are random definitions.
    @Test("random instants agree with the minute-by-minute reference", arguments: 0..<13)
    func agreesWithReference(seed: Int) async throws {
        var random = SeededRandom(seed: UInt64(seed) &* 7_919 &+ 17)
        let definition = seed == 0 ? nil : RandomCalendars.make(&random)
        let calendar = try definition.map { try BusinessCalendar($0) } ?? .always
        let reference = await ReferenceCalendar(definition, from: Self.window.from, to: Self.window.to)
        let edges = reference.edges()
        let transitionDays = RandomCalendars.interestingDates.map {
            Int(Instant.utc("\($0) 00:00").timeIntervalSince1970)
        }
        let (low, high) = (Int(Self.starts.from.timeIntervalSince1970), Int(Self.starts.to.timeIntervalSince1970))
        let described = definition.map { "\($0)" } ?? "24/7"

        var checks = 0
        var failures: [String] = []
        func check(_ ok: Bool, _ what: @autoclosure () -> String) {
            checks += 1
            if !ok, failures.count < 10 { failures.append(what()) }
        }

        for index in 0..<Self.casesPerCalendar {
            // CPU-bound: let the parallel run's other tasks have the cooperative pool now and then.
            if index % 20 == 0 { await Task.yield() }
            let t: Int = switch random.int(0...9) {
            case 0...2 where !edges.isEmpty: random.pick(edges) + random.pick([0, 0, -1, 1, -30, 30, -60, 60])
            case 3...4: random.pick(transitionDays) + random.int(-2 * 86_400...2 * 86_400)
            case 5: random.int(low / 60...high / 60) * 60
            default: random.int(low...high)
            }
            let span = random.chance(0.7) ? random.int(0...3 * 86_400) : random.int(0...40 * 86_400)
            let u = min(t + span, reference.end)
            let middle = random.int(t...u)
            let (start, end) = (date(t), date(u))
            let context = "seed \(seed) case \(index): t=\(start.shown(in: calendar.timeZone.identifier))"

            check(calendar.isWorking(at: start) == reference.isWorking(t),
                  "\(context): isWorking = \(calendar.isWorking(at: start)), reference \(reference.isWorking(t)); \(described)")

            let expected = reference.workingSeconds(from: t, to: u)
            let actual = calendar.workingTime(from: start, to: end)
            check(actual == expected, "\(context): workingTime to \(end.shown(in: calendar.timeZone.identifier)) = \(actual), reference \(expected); \(described)")

            let split = calendar.workingTime(from: start, to: date(middle)) + calendar.workingTime(from: date(middle), to: end)
            check(split == actual, "\(context): workingTime split at \(middle) = \(split), whole \(actual); \(described)")

            let budget = reference.workingSeconds(from: t, to: reference.end)
            let amount = min(budget, random.chance(0.2) ? random.int(0...120) : random.int(0...5 * 86_400))
            let expectedDue = reference.adding(amount, to: t)
            let due = calendar.addingWorkingTime(amount, to: start)
            check(expectedDue.map(date) == due,
                  "\(context): addingWorkingTime(\(amount)) = \(due.shown(in: calendar.timeZone.identifier)), reference \(expectedDue.map { date($0).shown(in: calendar.timeZone.identifier) } ?? "beyond window"); \(described)")
        }
        #expect(failures.isEmpty, "\(failures.count)+ mismatches:\n\(failures.joined(separator: "\n"))")
        #expect(checks == Self.casesPerCalendar * 4, "every case was checked")
    }

    private func date(_ second: Int) -> Date { Date(timeIntervalSince1970: Double(second)) }
}
