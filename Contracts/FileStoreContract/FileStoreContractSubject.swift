import Domain

/// What an adapter's test target provides to the file-store contract: fresh, isolated stores and the
/// capabilities it declares.
public protocol FileStoreContractSubject: Sendable {
    /// Deliberate differences of this adapter; cases needing anything else are reported as not applicable.
    var capabilities: Set<FileStoreCapability> { get }

    /// A new, empty store sharing nothing with any other store this subject made. Called once per case.
    func makeStore() async throws -> any FileStore

    /// With `.outage`: makes `store` (made by `makeStore()`) fail as its backend would when it is gone
    /// (directory removed, server down). Every later `put`, `get`, `head` and `delete` of that store
    /// must throw `FileStoreError.unavailable`, never report a missing object.
    func simulateOutage(of store: any FileStore) async throws

    /// Releases what `makeStore()` acquired (directories, buckets, connections). Called after every
    /// case, also when the case failed.
    func tearDown(_ store: any FileStore) async throws
}

extension FileStoreContractSubject {
    public var capabilities: Set<FileStoreCapability> { [] }

    public func simulateOutage(of store: any FileStore) async throws {
        throw FileStoreContractSubjectError.capabilityNotProvided(.outage)
    }

    public func tearDown(_ store: any FileStore) async throws {}
}

/// Thrown when a subject declares a capability but does not implement what it needs.
public enum FileStoreContractSubjectError: Error, Sendable, Equatable, CustomStringConvertible {
    case capabilityNotProvided(FileStoreCapability)

    public var description: String {
        switch self {
        case .capabilityNotProvided(let capability):
            "the subject declares '\(capability)' but does not implement what it needs"
        }
    }
}
