import ClockContract
import Domain
import SystemClock
import Testing

/// The production pair, wired as the composition root wires it: one wall clock, read by the generator.
struct SystemClockSubject: ClockContractSubject {
    var capabilities: Set<ClockCapability> { [.realTime] }

    /// Ids run ahead of the clock by one millisecond per 4,096 minted faster than that; the contract's
    /// largest burst (100,000 ids) can borrow about 25 ms.
    var idTimeToleranceMilliseconds: Int64 { 100 }

    func makeClock() -> ClockUnderTest {
        let clock = SystemWallClock()
        return ClockUnderTest(clock: clock, ids: SystemIDGenerator(clock: clock))
    }
}

@Suite struct SystemClockContractTests {
    @Test(arguments: ClockContract.cases)
    func contract(_ contractCase: ClockContractCase) async throws {
        try await contractCase.run(against: SystemClockSubject())
    }
}
