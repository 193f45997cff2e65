import ClockContract
import Domain
import Memory
import Testing

/// The test pair domain tests use: a manual clock and the deterministic generator reading it.
struct MemoryClockSubject: ClockContractSubject {
    var capabilities: Set<ClockCapability> { [.manualTime] }

    /// `SequentialIDGenerator` always embeds the clock's current millisecond.
    var idTimeToleranceMilliseconds: Int64 { 0 }

    func makeClock() -> ClockUnderTest {
        let clock = ManualClock()
        return ClockUnderTest(clock: clock, ids: SequentialIDGenerator(clock: clock))
    }

    func advance(_ clock: any WallClock, byMilliseconds milliseconds: Int64) throws {
        let manual = try #require(clock as? ManualClock, "advance(byMilliseconds:) needs the ManualClock made by makeClock()")
        manual.advance(by: Double(milliseconds) / 1_000)
    }
}

@Suite struct MemoryClockContractTests {
    @Test(arguments: ClockContract.cases)
    func contract(_ contractCase: ClockContractCase) async throws {
        try await contractCase.run(against: MemoryClockSubject())
    }
}
