import ContractKit
/// A deliberate difference between file-store adapters. A case that needs a capability the subject
/// does not declare is reported as not applicable (cancelled with the reason), never silently passed.
public enum FileStoreCapability: String, ContractCapability, CaseIterable, CustomStringConvertible {
    /// The subject can make one of its stores fail as its backend would when it is gone
    /// (`FileStoreContractSubject.simulateOutage(of:)`).
    case outage

    public var description: String { rawValue }
}
