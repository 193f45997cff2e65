import Domain
import Testing

/// The kind of `StorageError` a case expects; the payload of `versionConflict` / `missing` (entity
/// naming) is the adapter's choice, the constraint of `duplicate` is not.
enum ExpectedStorageError: Sendable, CustomStringConvertible {
    case versionConflict
    case duplicate(UniqueConstraint)
    case missing
    case unavailable

    func matches(_ error: StorageError) -> Bool {
        switch (self, error) {
        case (.versionConflict, .versionConflict), (.missing, .missing), (.unavailable, .unavailable): true
        case (.duplicate(let expected), .duplicate(let actual)): expected == actual
        default: false
        }
    }

    var description: String {
        switch self {
        case .versionConflict: "StorageError.versionConflict"
        case .duplicate(let constraint): "StorageError.duplicate(.\(constraint))"
        case .missing: "StorageError.missing"
        case .unavailable: "StorageError.unavailable"
        }
    }
}

/// Runs `work` and records an issue naming `operation` unless it throws the expected storage error.
func expectStorageError<T>(
    _ expected: ExpectedStorageError, _ operation: String, sourceLocation: SourceLocation = #_sourceLocation,
    _ work: () async throws -> T
) async {
    do {
        let result = try await work()
        Issue.record("\(operation): expected \(expected), but it succeeded with \(result)", sourceLocation: sourceLocation)
    } catch let error as StorageError {
        #expect(expected.matches(error), "\(operation): expected \(expected), got \(error)", sourceLocation: sourceLocation)
    } catch {
        Issue.record("\(operation): expected \(expected), got a non-storage error \(error)", sourceLocation: sourceLocation)
    }
}
