import Domain
import Foundation
import Testing

extension ClockContract {
    /// How many ids the single-task checks mint: more than one millisecond's 4,096 sequence numbers.
    static let idCount = 20_000
    /// Tasks and ids for the uniqueness check: 100,000 ids in all.
    static let minterCount = 8
    static let idsPerMinter = 12_500

    /// `IDGenerator`'s rules: version 7, unique, strictly increasing, and carrying the paired clock's time.
    static let idCases: [ClockContractCase] = [
        ClockContractCase("every id is a version-7 UUID with the RFC 9562 variant") { pair, _ in
            for index in 0..<idCount {
                let id = pair.ids.next()
                guard UUIDv7.version(of: id) == 7, id.hasRFC9562Variant else {
                    Issue.record("next() #\(index) returned \(id): version \(UUIDv7.version(of: id)), variant byte \(String(id.uuid.8, radix: 2))")
                    return
                }
            }
        },

        ClockContractCase("ids one task mints strictly increase") { pair, _ in
            let ids = (0..<idCount).map { _ in pair.ids.next() }
            if let index = ids.firstNonIncreasingIndex {
                Issue.record("next() #\(index) returned \(ids[index]), not after #\(index - 1) \(ids[index - 1])")
            }
        },

        ClockContractCase("100,000 ids minted concurrently are unique, and each task's ids strictly increase") { pair, _ in
            let batches = await withTaskGroup(of: [UUID].self) { group in
                for _ in 0..<minterCount {
                    group.addTask { (0..<idsPerMinter).map { _ in pair.ids.next() } }
                }
                return await group.reduce(into: [[UUID]]()) { $0.append($1) }
            }
            for (task, ids) in batches.enumerated() {
                if let index = ids.firstNonIncreasingIndex {
                    Issue.record("task \(task): next() #\(index) returned \(ids[index]), not after #\(index - 1) \(ids[index - 1])")
                }
            }
            let all = batches.flatMap { $0 }
            #expect(Set(all).count == all.count, "next() from \(minterCount) tasks: \(all.count - Set(all).count) duplicate ids among \(all.count)")
        },

        ClockContractCase("an id embeds the paired clock's millisecond at minting") { pair, subject in
            let tolerance = subject.idTimeToleranceMilliseconds
            for index in 0..<idCount {
                let before = pair.clock.now().millisecondsSince1970
                let id = pair.ids.next()
                let after = pair.clock.now().millisecondsSince1970
                let embedded = id.embeddedMilliseconds
                guard embedded >= before - tolerance, embedded <= after + tolerance else {
                    Issue.record("next() #\(index) embeds \(embedded) ms; the clock read \(before)...\(after) ms around it (tolerance \(tolerance) ms)")
                    return
                }
            }
        },

        ClockContractCase("ids minted while the clock stands still keep increasing", requires: [.manualTime]) { pair, subject in
            let frozen = pair.clock.now().millisecondsSince1970
            let tolerance = subject.idTimeToleranceMilliseconds
            let ids = (0..<idCount).map { _ in pair.ids.next() }
            if let index = ids.firstNonIncreasingIndex {
                Issue.record("next() #\(index) at a standing clock returned \(ids[index]), not after #\(index - 1) \(ids[index - 1])")
            }
            let outside = ids.firstIndex { abs($0.embeddedMilliseconds - frozen) > tolerance }
            #expect(outside == nil, "next() #\(outside ?? 0) embeds \(outside.map { ids[$0].embeddedMilliseconds } ?? 0) ms; the clock stands at \(frozen) ms (tolerance \(tolerance) ms)")
        },

        ClockContractCase("ids follow the clock when it is advanced", requires: [.manualTime]) { pair, subject in
            let tolerance = subject.idTimeToleranceMilliseconds
            let earlier = pair.ids.next()
            try subject.advance(pair.clock, byMilliseconds: 3_600_000)
            let now = pair.clock.now().millisecondsSince1970
            let later = pair.ids.next()
            #expect(earlier.precedes(later), "next() after advancing an hour returned \(later), not after \(earlier)")
            #expect(abs(later.embeddedMilliseconds - now) <= tolerance, "next() after advancing to \(now) ms embeds \(later.embeddedMilliseconds) ms (tolerance \(tolerance) ms)")
        },
    ]
}
