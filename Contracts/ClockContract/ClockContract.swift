/// The executable specification of the clock port (`WallClock`) and the id generator (`IDGenerator`).
///
/// Every clock adapter's tests run it in one line:
/// ```swift
/// @Test(arguments: ClockContract.cases)
/// func contract(_ contractCase: ClockContractCase) async throws {
///     try await contractCase.run(against: MyClockSubject())
/// }
/// ```
public enum ClockContract {
    /// Every case, in a stable order: the clock's rules first, then the generator's.
    public static let cases: [ClockContractCase] = timeCases + idCases
}
