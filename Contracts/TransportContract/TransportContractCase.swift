import Domain
import Testing

/// One named, self-contained check of the transport rules (see `Transport`'s doc comments).
public struct TransportContractCase: Sendable, CustomTestStringConvertible, CustomStringConvertible {
    /// Stable, human-readable name; also the name Swift Testing reports.
    public let name: String
    /// Capabilities the case needs; a subject lacking one gets the case reported as not applicable.
    public let requires: Set<TransportCapability>
    let body: @Sendable (_ transport: any Transport, _ subject: any TransportContractSubject) async throws -> Void

    init(
        _ name: String, requires: Set<TransportCapability> = [],
        body: @escaping @Sendable (_ transport: any Transport, _ subject: any TransportContractSubject) async throws -> Void
    ) {
        self.name = name
        self.requires = requires
        self.body = body
    }

    public var testDescription: String { name }
    public var description: String { name }

    /// Whether `subject` declares everything this case needs.
    public func applies(to subject: any TransportContractSubject) -> Bool {
        requires.isSubset(of: subject.capabilities)
    }

    /// Setup (a fresh transport) → body → teardown. The body's error wins over a teardown error.
    /// A case the subject cannot run is cancelled with the missing capabilities as the reason.
    public func run(against subject: any TransportContractSubject) async throws {
        guard applies(to: subject) else {
            let missing = requires.subtracting(subject.capabilities).map(\.rawValue).sorted().joined(separator: ", ")
            try Test.cancel("not applicable: the subject does not declare \(missing)")
        }
        try #require(
            subject.subscriberBufferSize >= TransportContract.minimumSize && subject.retainedEventCount >= TransportContract.minimumSize,
            "the subject declares a buffer of \(subject.subscriberBufferSize) and a retention of \(subject.retainedEventCount) events; the contract needs at least \(TransportContract.minimumSize) of each"
        )
        let transport = try await subject.makeTransport()
        do {
            try await body(transport, subject)
        } catch {
            try? await subject.tearDown(transport)
            throw error
        }
        try await subject.tearDown(transport)
    }
}
