import Domain
import Foundation

/// A brute-force business calendar, written independently of `BusinessCalendar`: it marks every UTC
/// minute of a window as working or not by asking Foundation's `Calendar` for the local date, weekday
/// and time of that minute, then answers questions with prefix sums and binary search.
///
/// It knows nothing about offset segments, transitions or day numbers. It relies on every offset of
/// the zones used being a whole number of minutes (true for all of them in the years tested), so that
/// being working time cannot change inside a UTC minute.
struct ReferenceCalendar {
    /// First second of the window (a whole minute).
    let start: Int
    private let working: [Bool]
    /// `prefix[i]`: working minutes among the first `i` minutes of the window.
    private let prefix: [Int]

    /// `definition == nil` means 24/7. Async because building it takes about a second of CPU in a debug
    /// build (a `Calendar` lookup per minute of the window): it yields now and then, so that a parallel
    /// test run's other tasks get the cooperative pool's few threads too.
    init(_ definition: BusinessCalendarDefinition?, from first: Date, to last: Date) async {
        start = Int(first.timeIntervalSince1970) / 60 * 60
        let minutes = (Int(last.timeIntervalSince1970) - start) / 60
        var working = [Bool](repeating: definition == nil, count: minutes)
        if let definition {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: definition.timeZone)!
            let holidays = Dictionary(definition.holidays.map { ($0.date, $0.openSlots) }, uniquingKeysWith: { a, _ in a })
            let week = (1...7).map { weekday in definition.weeklySlots.filter { $0.weekday == weekday }.map(\.timeSlot) }
            for index in 0..<minutes {
                if index % Self.minutesBetweenYields == 0 { await Task.yield() }
                let instant = Date(timeIntervalSince1970: Double(start + index * 60))
                let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .weekday], from: instant)
                let minuteOfDay = c.hour! * 60 + c.minute!
                let date = LocalDate(year: c.year!, month: c.month!, day: c.day!)
                let slots = holidays[date] ?? week[(c.weekday! + 5) % 7] // Foundation: 1 = Sunday; ISO: 7 = Sunday
                working[index] = slots.contains { $0.startMinute <= minuteOfDay && minuteOfDay < $0.endMinute }
            }
        }
        var prefix = [0]
        prefix.reserveCapacity(minutes + 1)
        for flag in working { prefix.append(prefix.last! + (flag ? 1 : 0)) }
        self.working = working
        self.prefix = prefix
    }

    static let minutesBetweenYields = 5_000

    /// Last second (exclusive) the window can answer for.
    var end: Int { start + working.count * 60 }

    func isWorking(_ second: Int) -> Bool { working[(second - start) / 60] }

    /// Working seconds in `[a, b)`, whole seconds.
    func workingSeconds(from a: Int, to b: Int) -> Int {
        guard b > a else { return 0 }
        precondition(a >= start && b <= end, "outside the reference window")
        let (first, last) = ((a - start) / 60, (b - start) / 60)
        if first == last { return working[first] ? b - a : 0 }
        var total = working[first] ? start + (first + 1) * 60 - a : 0
        total += 60 * (prefix[last] - prefix[first + 1])
        if last < working.count, working[last] { total += b - (start + last * 60) }
        return total
    }

    /// The earliest second `u ≥ t` with `workingSeconds(from: t, to: u) == n`, by binary search; `nil` when
    /// the window is too short.
    func adding(_ n: Int, to t: Int) -> Int? {
        if n <= 0 { return t }
        guard workingSeconds(from: t, to: end) >= n else { return nil }
        var (low, high) = (t, end) // invariant: W(t, low) < n ≤ W(t, high)
        while high - low > 1 {
            let middle = (low + high) / 2
            if workingSeconds(from: t, to: middle) >= n { high = middle } else { low = middle }
        }
        return high
    }

    /// Seconds in the window at which working time starts or stops: the edges worth testing at.
    func edges() -> [Int] {
        (1..<working.count).filter { working[$0] != working[$0 - 1] }.map { start + $0 * 60 }
    }
}
