import Domain
import Testing

/// One named, self-contained check of the storage rules (see `Storage`'s doc comments).
public struct StorageContractCase: Sendable, CustomTestStringConvertible, CustomStringConvertible {
    /// Stable, human-readable name; also the name Swift Testing reports.
    public let name: String
    /// Capabilities the case needs; a subject lacking one gets the case reported as not applicable.
    public let requires: Set<StorageCapability>
    let body: @Sendable (_ storage: any Storage, _ subject: any StorageContractSubject) async throws -> Void

    init(
        _ name: String, requires: Set<StorageCapability> = [],
        body: @escaping @Sendable (_ storage: any Storage, _ subject: any StorageContractSubject) async throws -> Void
    ) {
        self.name = name
        self.requires = requires
        self.body = body
    }

    public var testDescription: String { name }
    public var description: String { name }

    /// Whether `subject` declares everything this case needs.
    public func applies(to subject: any StorageContractSubject) -> Bool {
        requires.isSubset(of: subject.capabilities)
    }

    /// Setup (a fresh store) → body → teardown. The body's error wins over a teardown error.
    /// A case the subject cannot run is reported as not applicable (a warning naming the missing
    /// capabilities, then the test case is cancelled), never as a silent pass.
    public func run(against subject: any StorageContractSubject, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        guard applies(to: subject) else {
            let missing = requires.subtracting(subject.capabilities).map(\.rawValue).sorted().joined(separator: ", ")
            let reason = "not applicable: '\(name)' requires \(missing), which the subject does not declare"
            Issue.record(Comment(rawValue: reason), severity: .warning, sourceLocation: sourceLocation)
            try Test.cancel(Comment(rawValue: reason), sourceLocation: sourceLocation)
        }
        let storage = try await subject.makeStorage()
        do {
            try await body(storage, subject)
        } catch {
            try? await subject.tearDown(storage)
            throw error
        }
        try await subject.tearDown(storage)
    }
}
