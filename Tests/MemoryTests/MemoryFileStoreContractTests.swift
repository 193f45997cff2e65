import Domain
import FileStoreContract
import Memory
import Testing

/// `MemoryFileStore` against the file-store contract.
@Test(arguments: FileStoreContract.cases)
func memoryFileStoreContract(_ contractCase: FileStoreContractCase) async throws {
    try await contractCase.run(against: MemoryFileStoreSubject())
}

/// Fresh memory stores; an outage is the store's own switch.
struct MemoryFileStoreSubject: FileStoreContractSubject {
    var capabilities: Set<FileStoreCapability> { [.outage] }

    func makeStore() async throws -> any FileStore { MemoryFileStore() }

    func simulateOutage(of store: any FileStore) async throws {
        let memory = try #require(store as? MemoryFileStore, "the store was not made by this subject")
        await memory.simulateOutage()
    }
}
