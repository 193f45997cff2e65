import ContractKit
import Domain
import Testing

/// One named, self-contained check of the storage rules (see `Storage`'s doc comments).
public typealias StorageContractCase = ContractCase<any StorageContractSubject, StorageCapability>

extension ContractCase where Subject == any StorageContractSubject, Capability == StorageCapability {
    /// A case whose body gets a fresh store (`makeStorage`), torn down afterwards.
    init(
        _ name: String, requires: Set<StorageCapability> = [],
        body: @escaping @Sendable (_ storage: any Storage, _ subject: any StorageContractSubject) async throws -> Void
    ) {
        self.init(name, requires: requires) { (subject: any StorageContractSubject) in
            try await withContractResource(make: subject.makeStorage, tearDown: subject.tearDown) { try await body($0, subject) }
        }
    }

    /// Whether `subject` declares everything this case needs.
    public func applies(to subject: any StorageContractSubject) -> Bool { applies(to: subject.capabilities) }

    /// Setup (a fresh store) → body → teardown; not-applicable cases are reported, never silently passed.
    public func run(against subject: any StorageContractSubject, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        try await run(against: subject, capabilities: subject.capabilities, sourceLocation: sourceLocation)
    }
}
