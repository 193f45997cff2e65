import Domain
import Testing

/// One named, self-contained check of the clock and id-generator rules (see `WallClock` and
/// `IDGenerator`'s doc comments).
public struct ClockContractCase: Sendable, CustomTestStringConvertible, CustomStringConvertible {
    /// Stable, human-readable name; also the name Swift Testing reports.
    public let name: String
    /// Capabilities the case needs; a subject lacking one gets the case reported as not applicable.
    public let requires: Set<ClockCapability>
    let body: @Sendable (_ pair: ClockUnderTest, _ subject: any ClockContractSubject) async throws -> Void

    init(
        _ name: String, requires: Set<ClockCapability> = [],
        body: @escaping @Sendable (_ pair: ClockUnderTest, _ subject: any ClockContractSubject) async throws -> Void
    ) {
        self.name = name
        self.requires = requires
        self.body = body
    }

    public var testDescription: String { name }
    public var description: String { name }

    /// Whether `subject` declares everything this case needs.
    public func applies(to subject: any ClockContractSubject) -> Bool {
        requires.isSubset(of: subject.capabilities)
    }

    /// Setup (a fresh clock and generator) → body. Clocks hold no resources, so there is no teardown.
    /// A case the subject cannot run is cancelled with the missing capabilities as the reason.
    public func run(against subject: any ClockContractSubject) async throws {
        guard applies(to: subject) else {
            let missing = requires.subtracting(subject.capabilities).map(\.rawValue).sorted().joined(separator: ", ")
            try Test.cancel("not applicable: the subject does not declare \(missing)")
        }
        try await body(subject.makeClock(), subject)
    }
}
