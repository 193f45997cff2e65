import Domain
import Testing

extension FileStoreContract {
    /// A missing key is `nil`, not an error, wherever it is missing from.
    static let missingCases: [FileStoreContractCase] = [
        FileStoreContractCase("get and head of a key never written return nil") { store, _ in
            try await expectMissing(store, FileKey("never/written.txt"), after: "nothing")
            try await expectMissing(store, FileKey("top-level"), after: "nothing")
        },

        FileStoreContractCase("a prefix or an extension of a stored key is not an object") { store, _ in
            try await store.put(FileKey("docs/a/readme.txt"), contentType: "text/plain", body: ContractBytes(seed: 20, count: 10).stream())
            for missing in ["docs", "docs/a", "docs/a/readme", "docs/a/readme.txt/more", "docs/b/readme.txt"] {
                try await expectMissing(store, FileKey(missing), after: "put of docs/a/readme.txt")
            }
        },
    ]
}
