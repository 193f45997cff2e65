import Domain
import Testing

extension FileStoreContract {
    /// Content type is kept verbatim and size is the exact byte count, around chunk boundaries too.
    static let metadataCases: [FileStoreContractCase] = [
        FileStoreContractCase("content type and size are exact") { store, _ in
            let samples: [(String, Int)] = [
                ("text/plain; charset=utf-8", 1),
                ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", 65_535),
                ("image/svg+xml", 65_536),
                ("application/octet-stream", 65_537),
                ("Application/X-Custom; Name=\"Quoted Value\"", 3),
            ]
            for (index, (contentType, size)) in samples.enumerated() {
                let key = try FileKey("meta/\(index).bin")
                let content = ContractBytes(seed: 40 + UInt64(index), count: size)
                let stored = try await store.put(key, contentType: contentType, body: content.stream())
                #expect(stored == StoredFile(key: key, size: Int64(size), contentType: contentType),
                        "put(\(key)) of \(size) bytes as \(contentType): returned metadata")
                try await expectStored(store, key, content: content, contentType: contentType, after: "put")
            }
        },
    ]
}
