import Domain
import Testing

extension StorageContract {
    /// The readiness probe answers on an empty and on a seeded store.
    static let healthCases: [StorageContractCase] = [
        StorageContractCase("checkHealth succeeds on a ready store") { storage, _ in
            try await storage.checkHealth()
            try await StorageFixture.canonical.seed(into: storage)
            try await storage.checkHealth()
        },
    ]
}
