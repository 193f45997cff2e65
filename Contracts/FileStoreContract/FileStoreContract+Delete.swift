import Domain
import Testing

extension FileStoreContract {
    /// `delete` really deletes, touches nothing else, and succeeds for a missing key.
    static let deleteCases: [FileStoreContractCase] = [
        FileStoreContractCase("delete of a key never written succeeds") { store, _ in
            try await store.delete(FileKey("never/written.bin"))
            try await store.delete(FileKey("never"))
            try await expectMissing(store, FileKey("never/written.bin"), after: "delete of a missing key")
        },

        FileStoreContractCase("delete removes the object only, and again succeeds") { store, _ in
            let target = try FileKey("x")
            let nested = try FileKey("x/y")
            let sibling = try FileKey("y")
            let contents = [ContractBytes(seed: 30, count: 5_000), ContractBytes(seed: 31, count: 6_000), ContractBytes(seed: 32, count: 7_000)]
            for (key, content) in zip([target, nested, sibling], contents) {
                try await store.put(key, contentType: "application/octet-stream", body: content.stream())
            }

            try await store.delete(target)
            try await expectMissing(store, target, after: "delete(\(target))")
            try await expectStored(store, nested, content: contents[1], contentType: "application/octet-stream", after: "delete(\(target))")
            try await expectStored(store, sibling, content: contents[2], contentType: "application/octet-stream", after: "delete(\(target))")

            try await store.delete(target)
            try await expectMissing(store, target, after: "a second delete(\(target))")

            try await store.delete(nested)
            try await expectMissing(store, nested, after: "delete(\(nested))")
            try await expectStored(store, sibling, content: contents[2], contentType: "application/octet-stream", after: "delete(\(nested))")

            // A deleted key can be written again, including below a prefix whose objects are all gone.
            let again = ContractBytes(seed: 33, count: 100)
            try await store.put(nested, contentType: "text/plain", body: again.stream())
            try await expectStored(store, nested, content: again, contentType: "text/plain", after: "put after delete")
        },
    ]
}
