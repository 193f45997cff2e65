import Domain
import Foundation
import Testing

/// Storage keeps instants as whole milliseconds since 1970; converting there and back must be exact.
struct MillisecondTimeTests {
    @Test("whole milliseconds round-trip exactly, before 1970 as after it", arguments: [Int64](arrayLiteral:
        0, 1, -1, 999, -999, 1_000, -1_000, 1_234_567_890_123, -1_234_567_890_123,
        -86_400_000 * 365 * 70 + 7, 4_102_444_800_001, 253_402_300_799_999
    ))
    func roundTrip(milliseconds: Int64) {
        let date = Date(millisecondsSince1970: milliseconds)
        #expect(date.millisecondsSince1970 == milliseconds, "Date(millisecondsSince1970: \(milliseconds)).millisecondsSince1970")
        #expect(date.truncatedToMilliseconds == date, "truncating \(milliseconds) ms leaves it unchanged")
    }

    @Test("every millisecond of a second before and after 1970 round-trips")
    func denseRoundTrip() {
        for base in [Int64(-1_000_000_000_000), -1_000, 0, 1_700_000_000_000] {
            for offset in Int64(0)..<1_000 {
                let milliseconds = base + offset
                #expect(Date(millisecondsSince1970: milliseconds).millisecondsSince1970 == milliseconds, "round trip of \(milliseconds) ms")
            }
        }
    }

    @Test("instants between milliseconds are truncated towards the past")
    func truncation() {
        #expect(Date(timeIntervalSince1970: 1.0007).millisecondsSince1970 == 1_000)
        #expect(Date(timeIntervalSince1970: -1.0003).millisecondsSince1970 == -1_001)
        #expect(Date(timeIntervalSince1970: 1.0007).truncatedToMilliseconds == Date(millisecondsSince1970: 1_000))
    }
}
