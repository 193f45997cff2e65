import Testing

/// A deliberate difference between adapters of one port, declared by a contract subject.
public protocol ContractCapability: RawRepresentable<String>, Hashable, Sendable {}

/// One named, self-contained check of a port's rules, shared by every port's contract suite.
///
/// `Subject` is what an adapter's test target provides (e.g. `any StorageContractSubject`). Each suite
/// names its cases with a typealias and adds an initialiser that sets up and tears down the resource the
/// case checks (see `withContractResource`).
public struct ContractCase<Subject: Sendable, Capability: ContractCapability>: Sendable, CustomTestStringConvertible, CustomStringConvertible {
    /// Stable, human-readable name; also the name Swift Testing reports.
    public let name: String
    /// Capabilities the case needs; a subject lacking one gets the case reported as not applicable.
    public let requires: Set<Capability>
    let body: @Sendable (Subject) async throws -> Void

    public init(_ name: String, requires: Set<Capability> = [], body: @escaping @Sendable (Subject) async throws -> Void) {
        self.name = name
        self.requires = requires
        self.body = body
    }

    public var testDescription: String { name }
    public var description: String { name }

    /// Whether a subject declaring `capabilities` can run this case.
    public func applies(to capabilities: Set<Capability>) -> Bool { requires.isSubset(of: capabilities) }

    /// Runs the case against a subject declaring `capabilities`. A case the subject cannot run is reported
    /// as not applicable — a warning naming the missing capabilities, then the test case is cancelled —
    /// never as a silent pass.
    public func run(against subject: Subject, capabilities: Set<Capability>, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        guard applies(to: capabilities) else {
            let missing = requires.subtracting(capabilities).map(\.rawValue).sorted().joined(separator: ", ")
            let reason = "not applicable: '\(name)' requires \(missing), which the subject does not declare"
            Issue.record(Comment(rawValue: reason), severity: .warning, sourceLocation: sourceLocation)
            try Test.cancel(Comment(rawValue: reason), sourceLocation: sourceLocation)
        }
        try await body(subject)
    }
}

/// Setup → body → teardown. The body's error wins over a teardown error; teardown runs either way.
public func withContractResource<Resource, Result>(
    make: () async throws -> Resource,
    tearDown: (Resource) async throws -> Void,
    _ body: (Resource) async throws -> Result
) async throws -> Result {
    let resource = try await make()
    let result: Result
    do {
        result = try await body(resource)
    } catch {
        try? await tearDown(resource)
        throw error
    }
    try await tearDown(resource)
    return result
}
