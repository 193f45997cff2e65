import Domain

/// What an adapter's test target provides to the storage contract: fresh, isolated stores and the
/// capabilities it declares.
public protocol StorageContractSubject: Sendable {
    /// Deliberate differences of this adapter; cases needing anything else are reported as not applicable.
    var capabilities: Set<StorageCapability> { get }

    /// A new store, empty and ready to use (migrated where that applies), sharing nothing with any
    /// other store this subject made. Called once per case.
    func makeStorage() async throws -> any Storage

    /// With `.outage`: makes `storage` (made by `makeStorage()`) fail as its database would when it is
    /// gone (server down, file unreadable, connection closed). Every later read and commit of that store
    /// must throw `StorageError.unavailable`.
    func simulateOutage(of storage: any Storage) async throws

    /// Releases what `makeStorage()` acquired (files, schemas, connections). Called after every case,
    /// also when the case failed.
    func tearDown(_ storage: any Storage) async throws
}

extension StorageContractSubject {
    public var capabilities: Set<StorageCapability> { [] }

    public func simulateOutage(of storage: any Storage) async throws {
        throw StorageContractSubjectError.capabilityNotProvided(.outage)
    }

    public func tearDown(_ storage: any Storage) async throws {}
}

/// Thrown when a subject declares a capability but does not implement what it needs.
public enum StorageContractSubjectError: Error, Sendable, Equatable, CustomStringConvertible {
    case capabilityNotProvided(StorageCapability)

    public var description: String {
        switch self {
        case .capabilityNotProvided(let capability):
            "the subject declares '\(capability)' but does not implement what it needs"
        }
    }
}
