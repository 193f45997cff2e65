import ContractKit
/// A deliberate difference between storage adapters. A case that needs a capability the subject
/// does not declare is reported as not applicable (cancelled with the reason), never silently passed.
public enum StorageCapability: String, ContractCapability, CaseIterable, CustomStringConvertible {
    /// The subject can make one of its stores fail like an unreachable database
    /// (`StorageContractSubject.simulateOutage(of:)`).
    case outage
    /// The subject's stores are `MigratableStorage`: their schema is versioned and migrated.
    case migrations
    // MARK: bench
    /// The subject's stores are `BulkLoading`: prepared batches load in bulk (benchmark datasets).
    case bulkLoading

    public var description: String { rawValue }
}
