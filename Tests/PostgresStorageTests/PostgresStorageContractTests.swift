import Domain
import PostgresStorage
import StorageContract
import Testing
import TestSupport

/// PostgresStorage as the storage contract sees it: a migrated schema of its own per case, in the
/// suite's fresh database; an outage is the store's pool shutting down under it.
struct PostgresStorageSubject: StorageContractSubject {
    let database: PostgresTestDatabase

    var capabilities: Set<StorageCapability> { [.outage, .migrations, .bulkLoading] }

    func makeStorage() async throws -> any Storage {
        let schema = try await database.makeSchema()
        let store = database.start(schema: schema)
        do {
            try await store.storage.migrate()
        } catch {
            // The contract tears down only stores it was given.
            await store.stop()
            try? await database.dropSchema(schema)
            throw error
        }
        await RunningStores.shared.add(store, schema: schema)
        return store.storage
    }

    func simulateOutage(of storage: any Storage) async throws {
        try await RunningStores.shared.store(of: storage).stop()
    }

    func tearDown(_ storage: any Storage) async throws {
        let (store, schema) = try await RunningStores.shared.remove(storage)
        await store.stop()
        try await database.dropSchema(schema)
    }
}

/// The stores the subject made, so that `simulateOutage` and `tearDown` find their pool and schema.
actor RunningStores {
    static let shared = RunningStores()

    private var stores: [ObjectIdentifier: (store: RunningPostgresStorage, schema: String)] = [:]

    func add(_ store: RunningPostgresStorage, schema: String) {
        stores[ObjectIdentifier(store.storage)] = (store, schema)
    }

    func store(of storage: any Storage) throws -> RunningPostgresStorage {
        try entry(of: storage).store
    }

    func remove(_ storage: any Storage) throws -> (RunningPostgresStorage, String) {
        let found = try entry(of: storage)
        stores[ObjectIdentifier(found.store.storage)] = nil
        return found
    }

    private func entry(of storage: any Storage) throws -> (store: RunningPostgresStorage, schema: String) {
        let postgres = try #require(storage as? PostgresStorage, "expected a store made by PostgresStorageSubject")
        return try #require(stores[ObjectIdentifier(postgres)], "expected a store made by PostgresStorageSubject")
    }
}

@Suite(.postgresServer, .freshPostgresDatabase)
struct PostgresStorageContractTests {
    @Test(arguments: StorageContract.cases)
    func contract(_ contractCase: StorageContractCase) async throws {
        try await contractCase.run(against: PostgresStorageSubject(database: try PostgresTestDatabase.required()))
    }
}
