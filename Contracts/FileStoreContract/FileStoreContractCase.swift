import ContractKit
import Domain
import Testing

/// One named, self-contained check of the file-store rules (see `FileStore`'s and `FileKey`'s doc comments).
public typealias FileStoreContractCase = ContractCase<any FileStoreContractSubject, FileStoreCapability>

extension ContractCase where Subject == any FileStoreContractSubject, Capability == FileStoreCapability {
    /// A case whose body gets a fresh, empty store, torn down afterwards.
    init(
        _ name: String, requires: Set<FileStoreCapability> = [],
        body: @escaping @Sendable (_ store: any FileStore, _ subject: any FileStoreContractSubject) async throws -> Void
    ) {
        self.init(name, requires: requires) { (subject: any FileStoreContractSubject) in
            try await withContractResource(make: subject.makeStore, tearDown: subject.tearDown) { try await body($0, subject) }
        }
    }

    public func applies(to subject: any FileStoreContractSubject) -> Bool { applies(to: subject.capabilities) }

    public func run(against subject: any FileStoreContractSubject, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        try await run(against: subject, capabilities: subject.capabilities, sourceLocation: sourceLocation)
    }
}
