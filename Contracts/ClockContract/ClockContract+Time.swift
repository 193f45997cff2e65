import Domain
import Foundation
import Testing

extension ClockContract {
    /// How many readings the single-caller checks take: enough to cross many real milliseconds.
    static let readingCount = 10_000
    /// Concurrent readers in the cross-task checks (more than the cores of a small machine).
    static let readerCount = 8

    /// `WallClock`'s rules: whole milliseconds, never backwards, and (per capability) manual or real time.
    static let timeCases: [ClockContractCase] = [
        ClockContractCase("now() is truncated to whole milliseconds") { pair, _ in
            for index in 0..<readingCount {
                let reading = pair.clock.now()
                guard reading == reading.truncatedToMilliseconds else {
                    Issue.record("now() reading #\(index) is \(reading.timeIntervalSince1970) s, not a whole millisecond")
                    return
                }
            }
        },

        ClockContractCase("now() never goes backwards for one caller") { pair, _ in
            var previous = pair.clock.now()
            for index in 1..<readingCount {
                let reading = pair.clock.now()
                guard reading >= previous else {
                    Issue.record("now() reading #\(index) is \(reading.millisecondsSince1970) ms, before the previous \(previous.millisecondsSince1970) ms")
                    return
                }
                previous = reading
            }
        },

        ClockContractCase("now() never goes backwards across concurrent callers") { pair, _ in
            let violation = await readConcurrently(pair.clock, readers: readerCount, readingsEach: readingCount / 2)
            #expect(violation == nil, "now() from \(readerCount) concurrent tasks: \(violation ?? "")")
        },

        ClockContractCase("now() moves exactly as far as the clock is advanced, and stands still otherwise", requires: [.manualTime]) { pair, subject in
            let start = pair.clock.now().millisecondsSince1970
            #expect(pair.clock.now().millisecondsSince1970 == start, "now() read twice without advance(by:) must not move")
            // Odd steps land on every kind of millisecond value, where floating-point seconds would round wrongly.
            let steps: [Int64] = [1, 1, 7, 999, 1_000, 60_000, 86_400_000] + Array(repeating: 1, count: 2_000) + [0]
            var expected = start
            for step in steps {
                try subject.advance(pair.clock, byMilliseconds: step)
                expected += step
                let reading = pair.clock.now().millisecondsSince1970
                guard reading == expected else {
                    Issue.record("advance(byMilliseconds: \(step)) from \(expected - step) ms: now() is \(reading) ms, expected \(expected) ms")
                    return
                }
            }
        },

        ClockContractCase("now() never goes backwards while another task advances the clock", requires: [.manualTime]) { pair, subject in
            let start = pair.clock.now().millisecondsSince1970
            let advances = 2_000
            async let violation = readConcurrently(pair.clock, readers: readerCount / 2, readingsEach: readingCount / 2)
            let advancer = Task {
                for _ in 0..<advances { try subject.advance(pair.clock, byMilliseconds: 1) }
            }
            try await advancer.value
            let found = await violation
            #expect(found == nil, "now() read by \(readerCount / 2) tasks while advancing 1 ms at a time: \(found ?? "")")
            #expect(pair.clock.now().millisecondsSince1970 == start + Int64(advances), "now() after \(advances) advances of 1 ms from \(start) ms")
        },

        ClockContractCase("now() follows the system's wall clock", requires: [.realTime]) { pair, _ in
            let reference = Date().millisecondsSince1970
            let reading = pair.clock.now().millisecondsSince1970
            // A generous bound: real clocks may be stepped by NTP, but never by a whole second between two reads.
            #expect(abs(reading - reference) <= 1_000, "now() is \(reading) ms, Date() is \(reference) ms")
            // Waiting for time to pass is the subject of this check, not a synchronisation.
            try await Task.sleep(for: .milliseconds(50))
            let later = pair.clock.now().millisecondsSince1970
            #expect(later - reading >= 25, "now() 50 ms of real time after \(reading) ms is \(later) ms: the clock does not move by itself")
        },
    ]

    /// Reads `clock` from `readers` tasks at once. Returns a description of the first reading that was
    /// earlier than one some task had already finished taking before it started (nil when there is none).
    static func readConcurrently(_ clock: any WallClock, readers: Int, readingsEach: Int) async -> String? {
        let latest = LatestReading()
        return await withTaskGroup(of: String?.self) { group in
            for reader in 0..<readers {
                group.addTask {
                    for index in 0..<readingsEach {
                        // Every reading recorded before this call started happened-before it.
                        let floor = latest.value
                        let reading = clock.now().millisecondsSince1970
                        if reading < floor {
                            return "task \(reader) reading #\(index) is \(reading) ms, after another task already read \(floor) ms"
                        }
                        latest.record(reading)
                    }
                    return nil
                }
            }
            var first: String?
            for await violation in group where first == nil { first = violation }
            return first
        }
    }
}
