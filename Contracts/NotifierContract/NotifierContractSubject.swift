import Domain

/// What an adapter's test target provides to the notifier contract: fresh notifiers, a way to read
/// back what each delivered as its receiver sees it, and the capabilities it declares.
public protocol NotifierContractSubject: Sendable {
    /// Deliberate differences of this adapter; cases needing anything else are reported as not applicable.
    var capabilities: Set<NotifierCapability> { get }

    /// A new notifier whose deliveries no other notifier of this subject shares. Called once per case.
    func makeNotifier() async throws -> any Notifier

    /// Every notification `notifier` has delivered so far, in the order received, as its receiver
    /// reads them: parsed back from the adapter's real output (lines written, mail received …), not
    /// from a record the adapter keeps of its own. Times are whole milliseconds, as the clock port makes them.
    func delivered(by notifier: any Notifier) async throws -> [Notification]

    /// With `.failure`: makes `notifier` (made by `makeNotifier()`) fail from now on as its medium
    /// would when it is broken. Every later `deliver` must throw a `NotifierError`.
    func simulateFailure(of notifier: any Notifier) async throws

    /// With `.classifiedFailure`: an address every notifier of this subject fails to deliver to, in the
    /// way `failure` names (e.g. one an SMTP server answers 451 or 550 for).
    func recipient(failing failure: NotifierFailure) -> EmailAddress?

    /// Releases what `makeNotifier()` acquired (files, servers, connections). Called after every case,
    /// also when the case failed.
    func tearDown(_ notifier: any Notifier) async throws
}

extension NotifierContractSubject {
    public var capabilities: Set<NotifierCapability> { [] }

    public func simulateFailure(of notifier: any Notifier) async throws {
        throw NotifierContractSubjectError.capabilityNotProvided(.failure)
    }

    public func recipient(failing failure: NotifierFailure) -> EmailAddress? { nil }

    public func tearDown(_ notifier: any Notifier) async throws {}
}

/// The two kinds of delivery failure the port distinguishes (`NotifierError`'s cases).
public enum NotifierFailure: String, Sendable, CaseIterable {
    case temporary
    case permanent
}

/// Thrown when a subject declares a capability but does not implement what it needs.
public enum NotifierContractSubjectError: Error, Sendable, Equatable, CustomStringConvertible {
    case capabilityNotProvided(NotifierCapability)

    public var description: String {
        switch self {
        case .capabilityNotProvided(let capability):
            "the subject declares '\(capability)' but does not implement what it needs"
        }
    }
}
