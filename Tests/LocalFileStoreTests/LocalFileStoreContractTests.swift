import Domain
import FileStoreContract
import Foundation
import LocalFileStore
import Testing

/// `LocalFileStore` against the file-store contract, each case in its own temporary root.
@Test(arguments: FileStoreContract.cases)
func localFileStoreContract(_ contractCase: FileStoreContractCase) async throws {
    try await contractCase.run(against: LocalFileStoreSubject())
}

/// Fresh stores in fresh temporary directories; an outage is the root directory being removed
/// under the running store (a real failure: an unmounted disk or a deleted data folder).
struct LocalFileStoreSubject: FileStoreContractSubject {
    var capabilities: Set<FileStoreCapability> { [.outage] }

    func makeStore() async throws -> any FileStore {
        try LocalFileStore(root: TemporaryDirectory().url)
    }

    func simulateOutage(of store: any FileStore) async throws {
        let local = try #require(store as? LocalFileStore, "the store was not made by this subject")
        try FileManager.default.removeItem(at: local.rootURL)
    }

    func tearDown(_ store: any FileStore) async throws {
        let local = try #require(store as? LocalFileStore, "the store was not made by this subject")
        if FileManager.default.fileExists(atPath: local.rootURL.path) {
            try FileManager.default.removeItem(at: local.rootURL)
        }
    }
}
