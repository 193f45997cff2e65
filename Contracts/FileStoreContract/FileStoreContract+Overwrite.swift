import Domain
import Testing

extension FileStoreContract {
    /// `put` of an existing key replaces content and metadata entirely.
    static let overwriteCases: [FileStoreContractCase] = [
        FileStoreContractCase("overwrite replaces content and metadata, shorter or longer") { store, _ in
            let key = try FileKey("avatars/u1.png")
            let versions: [(ContractBytes, String)] = [
                (ContractBytes(seed: 10, count: 70_000), "image/png"),
                (ContractBytes(seed: 11, count: 1_234), "image/webp"),  // shorter: no stale tail may remain
                (ContractBytes(seed: 12, count: 0), "text/plain"),
                (ContractBytes(seed: 13, count: 200_001), "image/gif"),  // longer again
            ]
            for (index, (content, contentType)) in versions.enumerated() {
                let stored = try await store.put(key, contentType: contentType, body: content.stream())
                #expect(stored == StoredFile(key: key, size: Int64(content.count), contentType: contentType),
                        "put #\(index + 1) of \(key) (\(content), \(contentType)): returned metadata")
                try await expectStored(store, key, content: content, contentType: contentType, after: "put #\(index + 1)")
            }
        },
    ]
}
