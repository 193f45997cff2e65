import ContractKit
import Domain
import Testing

/// One named, self-contained check of the transport rules (see `Transport`'s doc comments).
public typealias TransportContractCase = ContractCase<any TransportContractSubject, TransportCapability>

extension ContractCase where Subject == any TransportContractSubject, Capability == TransportCapability {
    /// A case whose body gets a fresh transport, torn down afterwards. The subject must declare buffer and
    /// retention sizes the slow-subscriber and replay cases can work with.
    init(
        _ name: String, requires: Set<TransportCapability> = [],
        body: @escaping @Sendable (_ transport: any Transport, _ subject: any TransportContractSubject) async throws -> Void
    ) {
        self.init(name, requires: requires) { (subject: any TransportContractSubject) in
            try #require(
                subject.subscriberBufferSize >= TransportContract.minimumSize && subject.retainedEventCount >= TransportContract.minimumSize,
                "the subject declares a buffer of \(subject.subscriberBufferSize) and a retention of \(subject.retainedEventCount) events; the contract needs at least \(TransportContract.minimumSize) of each"
            )
            try await withContractResource(make: subject.makeTransport, tearDown: subject.tearDown) { try await body($0, subject) }
        }
    }

    public func applies(to subject: any TransportContractSubject) -> Bool { applies(to: subject.capabilities) }

    public func run(against subject: any TransportContractSubject, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        try await run(against: subject, capabilities: subject.capabilities, sourceLocation: sourceLocation)
    }
}
