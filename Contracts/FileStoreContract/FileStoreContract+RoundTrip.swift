import Domain
import Testing

extension FileStoreContract {
    /// Objects come back exactly as they were put, from empty to larger than any sane buffer.
    static let roundTripCases: [FileStoreContractCase] = [
        FileStoreContractCase("round trip: an empty object") { store, _ in
            let key = try FileKey("empty.bin")
            let content = ContractBytes(seed: 1, count: 0)
            let stored = try await store.put(key, contentType: "application/octet-stream", body: content.stream())
            #expect(stored == StoredFile(key: key, size: 0, contentType: "application/octet-stream"),
                    "put(\(key)) of an empty body: returned metadata")
            try await expectStored(store, key, content: content, contentType: "application/octet-stream", after: "put")
        },

        FileStoreContractCase("round trip: small objects, chunked irregularly or in one buffer") { store, _ in
            let chunked = try FileKey("small/chunked.bin")
            let content = ContractBytes(seed: 2, count: 100_003)
            let stored = try await store.put(chunked, contentType: "application/pdf", body: content.stream())
            #expect(stored == StoredFile(key: chunked, size: 100_003, contentType: "application/pdf"),
                    "put(\(chunked)) of \(content): returned metadata")
            try await expectStored(store, chunked, content: content, contentType: "application/pdf", after: "put")

            let whole = try FileKey("small/whole.txt")
            let text = ContractBytes(seed: 3, count: 1_000)
            try await store.put(whole, contentType: "text/plain", body: .bytes(text.data()))
            try await expectStored(store, whole, content: text, contentType: "text/plain", after: "put of one buffer")
        },

        FileStoreContractCase("round trip: a large object (50 MiB) streams both ways") { store, _ in
            // Produced chunk by chunk while the store reads it and verified by a checksum folded while
            // streaming back: neither side of the test holds the object.
            let key = try FileKey("large/video.mp4")
            let content = ContractBytes(seed: 4, count: 50 * 1024 * 1024 + 7)
            let stored = try await store.put(key, contentType: "video/mp4", body: content.stream())
            #expect(stored == StoredFile(key: key, size: Int64(content.count), contentType: "video/mp4"),
                    "put(\(key)) of \(content): returned metadata")
            try await expectStored(store, key, content: content, contentType: "video/mp4", after: "put")
        },
    ]
}
