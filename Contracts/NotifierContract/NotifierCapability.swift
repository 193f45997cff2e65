import ContractKit
/// A deliberate difference between notifier adapters. A case that needs a capability the subject
/// does not declare is reported as not applicable (cancelled with the reason), never silently passed.
public enum NotifierCapability: String, ContractCapability, CaseIterable, CustomStringConvertible {
    /// The subject can make one of its notifiers fail as its medium would (pipe closed, disk full,
    /// server refusing): `NotifierContractSubject.simulateFailure(of:)`.
    case failure
    /// The subject can name recipients its medium refuses temporarily (busy, try later) and permanently
    /// (unknown, rejected): `NotifierContractSubject.recipient(failing:)`. The adapter must tell the two
    /// apart, because the worker retries only the temporary one.
    case classifiedFailure

    public var description: String { rawValue }
}
