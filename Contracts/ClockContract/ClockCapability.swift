import ContractKit
/// A deliberate difference between clock adapters. A case that needs a capability the subject does
/// not declare is reported as not applicable (cancelled with the reason), never silently passed.
public enum ClockCapability: String, ContractCapability, CaseIterable, CustomStringConvertible {
    /// Time moves only when the test says so (`ClockContractSubject.advance(_:byMilliseconds:)`).
    case manualTime
    /// Time is the system's wall clock and moves by itself.
    case realTime

    public var description: String { rawValue }
}
