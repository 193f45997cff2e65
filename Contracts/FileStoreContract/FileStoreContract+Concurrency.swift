import Domain
import Testing

extension FileStoreContract {
    /// Concurrent writers and readers never see or leave a mix of versions.
    static let concurrencyCases: [FileStoreContractCase] = [
        FileStoreContractCase("concurrent puts of different keys all land intact") { store, _ in
            let count = 24
            func key(_ index: Int) throws -> FileKey { try FileKey("concurrent/\(index % 3)/file-\(index).bin") }
            func content(_ index: Int) -> ContractBytes { ContractBytes(seed: 100 + UInt64(index), count: 150_000 + index * 101) }
            func contentType(_ index: Int) -> String { "application/x-test-\(index)" }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<count {
                    group.addTask { try await store.put(key(index), contentType: contentType(index), body: content(index).stream()) }
                }
                try await group.waitForAll()
            }
            for index in 0..<count {
                try await expectStored(store, key(index), content: content(index), contentType: contentType(index),
                                       after: "\(count) concurrent puts")
            }
        },

        FileStoreContractCase("concurrent puts of one key leave exactly one whole version") { store, _ in
            let key = try FileKey("contended/object.bin")
            let versions = (0..<8).map { (ContractBytes(seed: 200 + UInt64($0), count: 40_000 + $0 * 9_999), "application/x-v\($0)") }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for (content, contentType) in versions {
                    group.addTask { try await store.put(key, contentType: contentType, body: content.stream()) }
                }
                try await group.waitForAll()
            }
            let head = try #require(try await store.head(key), "head(\(key)) after concurrent puts returned nil")
            let winner = try #require(versions.first { $0.1 == head.contentType },
                                      "head(\(key)) after concurrent puts: content type \(head.contentType) is none of the versions")
            try await expectStored(store, key, content: winner.0, contentType: winner.1, after: "concurrent puts (winner \(winner.1))")
        },

        FileStoreContractCase("reads racing overwrites always see one whole version") { store, _ in
            let key = try FileKey("racing/object.bin")
            let versions = [
                (ContractBytes(seed: 300, count: 300_001), "application/x-first"),
                (ContractBytes(seed: 301, count: 200_003), "application/x-second"),
            ]
            let sums = versions.map { $0.0.checksum() }
            try await store.put(key, contentType: versions[0].1, body: versions[0].0.stream())
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    for round in 1...20 {
                        let (content, contentType) = versions[round % 2]
                        try await store.put(key, contentType: contentType, body: content.stream())
                    }
                }
                group.addTask {
                    for round in 1...20 {
                        let head = try #require(try await store.head(key), "head(\(key)) during overwrites returned nil (round \(round))")
                        #expect(versions.contains { head == StoredFile(key: key, size: Int64($0.0.count), contentType: $0.1) },
                                "head(\(key)) during overwrites: \(head) mixes versions (round \(round))")
                        let (file, body) = try #require(try await store.get(key), "get(\(key)) during overwrites returned nil (round \(round))")
                        let received = try await StreamChecksum(of: body)
                        let match = versions.indices.first { file == StoredFile(key: key, size: Int64(versions[$0].0.count), contentType: versions[$0].1) }
                        let index = try #require(match, "get(\(key)) during overwrites: metadata \(file) mixes versions (round \(round))")
                        #expect(received == sums[index], "get(\(key)) during overwrites: body is not the version its metadata names (round \(round))")
                    }
                }
                try await group.waitForAll()
            }
        },

        FileStoreContractCase("a get in progress is not torn by an overwrite") { store, _ in
            let key = try FileKey("torn/object.bin")
            let old = ContractBytes(seed: 400, count: 2_000_000)
            let new = ContractBytes(seed: 401, count: 1_500_000)
            try await store.put(key, contentType: "application/x-old", body: old.stream())
            let (file, body) = try #require(try await store.get(key), "get(\(key)) returned nil")
            var iterator = body.makeAsyncIterator()
            var received = StreamChecksum()
            if let first = try await iterator.next() { received.add(first) }
            try await store.put(key, contentType: "application/x-new", body: new.stream())
            while let chunk = try await iterator.next() { received.add(chunk) }
            // Either version is allowed, as long as body and metadata agree.
            let expected = file.contentType == "application/x-old" ? old : new
            #expect(file.size == Int64(expected.count), "get(\(key)) begun before an overwrite: size \(file.size) does not match its content type")
            #expect(received == expected.checksum(), "get(\(key)) begun before an overwrite: body is torn or not the version its metadata names")
        },
    ]
}
