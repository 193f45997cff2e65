import Domain
import Testing

extension FileStoreContract {
    /// A body that fails part-way makes `put` throw and leaves the previous state: never a partial object.
    static let failingBodyCases: [FileStoreContractCase] = [
        FileStoreContractCase("a failing body leaves no object behind") { store, _ in
            let key = try FileKey("uploads/broken.bin")
            let content = ContractBytes(seed: 80, count: 5_000_000)
            await #expect(throws: (any Error).self, "put(\(key)) with a body failing after 1 MB must throw") {
                try await store.put(key, contentType: "application/zip", body: content.stream(failingAfter: 1_000_000))
            }
            try await expectMissing(store, key, after: "a put whose body failed")

            // Failing before the first byte, too.
            await #expect(throws: (any Error).self, "put(\(key)) with a body failing at once must throw") {
                try await store.put(key, contentType: "application/zip", body: content.stream(failingAfter: 0))
            }
            try await expectMissing(store, key, after: "a put whose body failed at once")
        },

        FileStoreContractCase("a failing body leaves the previous object intact") { store, _ in
            let key = try FileKey("uploads/report.csv")
            let old = ContractBytes(seed: 81, count: 80_000)
            try await store.put(key, contentType: "text/csv", body: old.stream())
            let replacement = ContractBytes(seed: 82, count: 3_000_000)
            await #expect(throws: (any Error).self, "put(\(key)) over an existing object with a failing body must throw") {
                try await store.put(key, contentType: "application/zip", body: replacement.stream(failingAfter: 100_000))
            }
            try await expectStored(store, key, content: old, contentType: "text/csv", after: "an overwrite whose body failed")
        },
    ]
}
