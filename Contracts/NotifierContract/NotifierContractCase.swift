import ContractKit
import Domain
import Testing

/// One named, self-contained check of the notifier rules (see `Notifier`'s doc comments).
public typealias NotifierContractCase = ContractCase<any NotifierContractSubject, NotifierCapability>

extension ContractCase where Subject == any NotifierContractSubject, Capability == NotifierCapability {
    /// A case whose body gets a fresh notifier, torn down afterwards.
    init(
        _ name: String, requires: Set<NotifierCapability> = [],
        body: @escaping @Sendable (_ notifier: any Notifier, _ subject: any NotifierContractSubject) async throws -> Void
    ) {
        self.init(name, requires: requires) { (subject: any NotifierContractSubject) in
            try await withContractResource(make: subject.makeNotifier, tearDown: subject.tearDown) { try await body($0, subject) }
        }
    }

    public func applies(to subject: any NotifierContractSubject) -> Bool { applies(to: subject.capabilities) }

    public func run(against subject: any NotifierContractSubject, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        try await run(against: subject, capabilities: subject.capabilities, sourceLocation: sourceLocation)
    }
}
