import Domain
import Memory
import StorageContract
import Testing

/// MemoryStorage as the storage contract sees it: a fresh actor per case, with a simulated outage.
struct MemoryStorageSubject: StorageContractSubject {
    var capabilities: Set<StorageCapability> { [.outage, .bulkLoading] }

    func makeStorage() async throws -> any Storage { MemoryStorage() }

    func simulateOutage(of storage: any Storage) async throws {
        let memory = try #require(storage as? MemoryStorage, "simulateOutage: expected a store made by MemoryStorageSubject")
        await memory.beginOutage()
    }
}

@Test(arguments: StorageContract.cases)
func memoryStorageContract(_ contractCase: StorageContractCase) async throws {
    try await contractCase.run(against: MemoryStorageSubject())
}
