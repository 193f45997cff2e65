import Domain
import Foundation
import SQLiteStorage
import StorageContract
import Testing

/// SQLiteStorage as the storage contract sees it: a migrated database file in a folder of its own
/// per case; an outage is the store's connections closing under it.
struct SQLiteStorageSubject: StorageContractSubject {
    var capabilities: Set<StorageCapability> { [.outage, .migrations, .bulkLoading] }

    func makeStorage() async throws -> any Storage {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("SQLiteStorageContract-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let storage = try SQLiteStorage(path: folder.appendingPathComponent("contract.sqlite").path)
        try await storage.migrate()
        return storage
    }

    func simulateOutage(of storage: any Storage) async throws {
        try sqlite(storage, "simulateOutage").close()
    }

    func tearDown(_ storage: any Storage) async throws {
        let sqlite = try sqlite(storage, "tearDown")
        try? sqlite.close()
        try FileManager.default.removeItem(at: URL(fileURLWithPath: sqlite.path).deletingLastPathComponent())
    }

    private func sqlite(_ storage: any Storage, _ operation: String) throws -> SQLiteStorage {
        try #require(storage as? SQLiteStorage, "\(operation): expected a store made by SQLiteStorageSubject")
    }
}

@Test(arguments: StorageContract.cases)
func sqliteStorageContract(_ contractCase: StorageContractCase) async throws {
    try await contractCase.run(against: SQLiteStorageSubject())
}
