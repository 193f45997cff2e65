import Domain

/// What an adapter's test target provides to the transport contract: fresh, isolated transports,
/// their declared sizes, and the capabilities it declares.
public protocol TransportContractSubject: Sendable {
    /// Deliberate differences of this adapter; cases needing anything else are reported as not applicable.
    var capabilities: Set<TransportCapability> { get }

    /// How many events a subscriber may fall behind (published but not yet read) before it is dropped.
    /// At least `TransportContract.minimumSize`: the contract's bursts must fit a reading subscriber.
    var subscriberBufferSize: Int { get }

    /// How many of the latest events `events(after:)` is guaranteed to return.
    /// At least `TransportContract.minimumSize`.
    var retainedEventCount: Int { get }

    /// A new transport with no subscribers and no retained events, sharing nothing with any other
    /// transport this subject made. Called once per case.
    func makeTransport() async throws -> any Transport

    /// With `.countsSubscribers`: how many subscriptions `transport` (made by `makeTransport()`) still holds.
    func subscriberCount(in transport: any Transport) async throws -> Int

    /// With `.spansInstances`: another instance on `transport`'s backend, as another process would open it.
    /// `tearDown(transport)` releases it too.
    func makePeer(of transport: any Transport) async throws -> any Transport

    /// Releases what `makeTransport()` acquired and ends every subscription still open. Called after
    /// every case, also when the case failed.
    func tearDown(_ transport: any Transport) async throws
}

extension TransportContractSubject {
    /// No capabilities unless the subject declares some.
    public var capabilities: Set<TransportCapability> { [] }

    /// Fails: only a subject declaring `.countsSubscribers` can count subscriptions.
    public func subscriberCount(in transport: any Transport) async throws -> Int {
        throw TransportContractSubjectError.capabilityNotProvided(.countsSubscribers)
    }

    /// Fails: only a subject declaring `.spansInstances` can make peers.
    public func makePeer(of transport: any Transport) async throws -> any Transport {
        throw TransportContractSubjectError.capabilityNotProvided(.spansInstances)
    }
}

/// Thrown when a subject declares a capability but does not implement what it needs.
public enum TransportContractSubjectError: Error, Sendable, Equatable, CustomStringConvertible {
    case capabilityNotProvided(TransportCapability)

    public var description: String {
        switch self {
        case .capabilityNotProvided(let capability):
            "the subject declares '\(capability)' but does not implement what it needs"
        }
    }
}
