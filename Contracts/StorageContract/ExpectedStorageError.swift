import Domain
import Testing

/// The kind of `StorageError` a case expects. The entity of `versionConflict` / `missing` must be one of
/// `StorageEntity`'s names (use cases rely on them); the constraint of `duplicate` must be the expected one.
enum ExpectedStorageError: Sendable, CustomStringConvertible {
    case versionConflict
    case duplicate(UniqueConstraint)
    case missing
    case unavailable

    func matches(_ error: StorageError) -> Bool {
        switch (self, error) {
        case (.versionConflict, .versionConflict(let entity, _)), (.missing, .missing(let entity, _)): StorageEntity.all.contains(entity)
        case (.unavailable, .unavailable): true
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
