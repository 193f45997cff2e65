import ContractKit
/// A deliberate difference between transport adapters. A case that needs a capability the subject
/// does not declare is reported as not applicable (cancelled with the reason), never silently passed.
public enum TransportCapability: String, ContractCapability, CaseIterable, CustomStringConvertible {
    /// The subject can tell how many subscriptions a transport still holds
    /// (`TransportContractSubject.subscriberCount(in:)`), so the contract can check that ended ones are freed.
    case countsSubscribers
    /// The transport retains exactly the latest `retainedEventCount` events and forgets older ones
    /// (a bounded ring rather than, say, time-based retention).
    case evictsOldestBeyondRetention
    /// Several instances on one backend are one transport (`TransportContractSubject.makePeer(of:)`):
    /// what is published through any reaches the subscribers of all, numbered alike.
    case spansInstances

    public var description: String { rawValue }
}
