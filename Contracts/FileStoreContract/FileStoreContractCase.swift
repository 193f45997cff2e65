import Domain
import Testing

/// One named, self-contained check of the file-store rules (see `FileStore`'s and `FileKey`'s doc comments).
public struct FileStoreContractCase: Sendable, CustomTestStringConvertible, CustomStringConvertible {
    /// Stable, human-readable name; also the name Swift Testing reports.
    public let name: String
    /// Capabilities the case needs; a subject lacking one gets the case reported as not applicable.
    public let requires: Set<FileStoreCapability>
    let body: @Sendable (_ store: any FileStore, _ subject: any FileStoreContractSubject) async throws -> Void

    init(
        _ name: String, requires: Set<FileStoreCapability> = [],
        body: @escaping @Sendable (_ store: any FileStore, _ subject: any FileStoreContractSubject) async throws -> Void
    ) {
        self.name = name
        self.requires = requires
        self.body = body
    }

    public var testDescription: String { name }
    public var description: String { name }

    /// Whether `subject` declares everything this case needs.
    public func applies(to subject: any FileStoreContractSubject) -> Bool {
        requires.isSubset(of: subject.capabilities)
    }

    /// Setup (a fresh, empty store) → body → teardown. The body's error wins over a teardown error.
    /// A case the subject cannot run is cancelled with the missing capabilities as the reason.
    public func run(against subject: any FileStoreContractSubject) async throws {
        guard applies(to: subject) else {
            let missing = requires.subtracting(subject.capabilities).map(\.rawValue).sorted().joined(separator: ", ")
            try Test.cancel("not applicable: the subject does not declare \(missing)")
        }
        let store = try await subject.makeStore()
        do {
            try await body(store, subject)
        } catch {
            try? await subject.tearDown(store)
            throw error
        }
        try await subject.tearDown(store)
    }
}
