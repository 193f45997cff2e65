import ContractKit
import Domain
import Testing

/// One named, self-contained check of the clock and id-generator rules (see `WallClock` and
/// `IDGenerator`'s doc comments).
public typealias ClockContractCase = ContractCase<any ClockContractSubject, ClockCapability>

extension ContractCase where Subject == any ClockContractSubject, Capability == ClockCapability {
    /// A case whose body gets a fresh clock and generator; clocks hold no resources, so no teardown.
    init(
        _ name: String, requires: Set<ClockCapability> = [],
        body: @escaping @Sendable (_ pair: ClockUnderTest, _ subject: any ClockContractSubject) async throws -> Void
    ) {
        self.init(name, requires: requires) { (subject: any ClockContractSubject) in try await body(subject.makeClock(), subject) }
    }

    public func applies(to subject: any ClockContractSubject) -> Bool { applies(to: subject.capabilities) }

    public func run(against subject: any ClockContractSubject, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        try await run(against: subject, capabilities: subject.capabilities, sourceLocation: sourceLocation)
    }
}
