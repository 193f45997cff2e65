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
    /// A case the subject cannot run is cancelled with the missing capabilities as the reason.
    public func run(against subject: any StorageContractSubject) async throws {
        guard applies(to: subject) else {
            let missing = requires.subtracting(subject.capabilities).map(\.rawValue).sorted().joined(separator: ", ")
            try Test.cancel("not applicable: the subject does not declare \(missing)")
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
