import Domain
import Testing

/// One named, self-contained check of the notifier rules (see `Notifier`'s doc comments).
public struct NotifierContractCase: Sendable, CustomTestStringConvertible, CustomStringConvertible {
    /// Stable, human-readable name; also the name Swift Testing reports.
    public let name: String
    /// Capabilities the case needs; a subject lacking one gets the case reported as not applicable.
    public let requires: Set<NotifierCapability>
    let body: @Sendable (_ notifier: any Notifier, _ subject: any NotifierContractSubject) async throws -> Void

    init(
        _ name: String, requires: Set<NotifierCapability> = [],
        body: @escaping @Sendable (_ notifier: any Notifier, _ subject: any NotifierContractSubject) async throws -> Void
    ) {
        self.name = name
        self.requires = requires
        self.body = body
    }

    public var testDescription: String { name }
    public var description: String { name }

    /// Whether `subject` declares everything this case needs.
    public func applies(to subject: any NotifierContractSubject) -> Bool {
        requires.isSubset(of: subject.capabilities)
    }

    /// Setup (a fresh notifier) → body → teardown. The body's error wins over a teardown error.
    /// A case the subject cannot run is cancelled with the missing capabilities as the reason.
    public func run(against subject: any NotifierContractSubject) async throws {
        guard applies(to: subject) else {
            let missing = requires.subtracting(subject.capabilities).map(\.rawValue).sorted().joined(separator: ", ")
            try Test.cancel("not applicable: the subject does not declare \(missing)")
        }
        let notifier = try await subject.makeNotifier()
        do {
            try await body(notifier, subject)
        } catch {
            try? await subject.tearDown(notifier)
            throw error
        }
        try await subject.tearDown(notifier)
    }
}
