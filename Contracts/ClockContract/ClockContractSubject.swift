import Domain

/// A clock and the id generator that reads it: the pair a composition root would wire together.
public struct ClockUnderTest: Sendable {
    /// The clock under test.
    public let clock: any WallClock
    /// The generator under test; it must read `clock`.
    public let ids: any IDGenerator

    /// Pairs `ids` with the `clock` it reads.
    public init(clock: any WallClock, ids: any IDGenerator) {
        self.clock = clock
        self.ids = ids
    }
}

/// What an adapter's test target provides to the clock contract: fresh clock/generator pairs and the
/// capabilities it declares.
public protocol ClockContractSubject: Sendable {
    /// Deliberate differences of this adapter; cases needing anything else are reported as not applicable.
    var capabilities: Set<ClockCapability> { get }

    /// How many milliseconds the time embedded in an id may lie outside the clock readings taken just
    /// before and just after minting it (a generator may borrow from the next millisecond when one
    /// millisecond's sequence numbers run out). 0 for a generator that always embeds the clock's time.
    var idTimeToleranceMilliseconds: Int64 { get }

    /// A new clock and a generator that reads it, sharing nothing with pairs made before. Called once per case.
    func makeClock() -> ClockUnderTest

    /// With `.manualTime`: moves `clock` (made by `makeClock()`) forward by exactly `milliseconds`.
    func advance(_ clock: any WallClock, byMilliseconds milliseconds: Int64) throws
}

extension ClockContractSubject {
    /// No capabilities unless the subject declares some.
    public var capabilities: Set<ClockCapability> { [] }

    /// Fails: only a subject declaring `.manualTime` can advance its clock.
    public func advance(_ clock: any WallClock, byMilliseconds milliseconds: Int64) throws {
        throw ClockContractSubjectError.capabilityNotProvided(.manualTime)
    }
}

/// Thrown when a subject declares a capability but does not implement what it needs.
public enum ClockContractSubjectError: Error, Sendable, Equatable, CustomStringConvertible {
    case capabilityNotProvided(ClockCapability)

    public var description: String {
        switch self {
        case .capabilityNotProvided(let capability):
            "the subject declares '\(capability)' but does not implement what it needs"
        }
    }
}
