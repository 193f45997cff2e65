import Domain
import Foundation
import Testing
@testable import LocalFileStore

/// What `LocalFileStore` leaves on disk: the documented layout, durable sidecars, no leftovers.
@Suite struct LocalFileStoreLayoutTests {
    private func sidecar(_ directory: TemporaryDirectory, _ path: String) throws -> [String: Any] {
        let data = try Data(contentsOf: directory.appending(path))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any], "sidecar \(path) is not a JSON object")
    }

    @Test func `an object is a data file and a JSON sidecar naming it`() async throws {
        try await withTemporaryDirectory { directory in
            let store = try LocalFileStore(root: directory.url)
            try await store.put(FileKey("Docs/report.pdf"), contentType: "application/pdf", body: .bytes(Data("%PDF-1.7".utf8)))

            #expect(try directory.entries() == ["@lock", "@staging", "^docs"], "root entries after one put")
            #expect(try directory.entries("@staging").isEmpty, "staging files left after a successful put")
            let meta = try sidecar(directory, "^docs/report.pdf@meta")
            #expect(meta["content_type"] as? String == "application/pdf", "sidecar content_type")
            #expect(meta["size"] as? Int == 8, "sidecar size")
            #expect(meta["format"] as? Int == 1, "sidecar format")
            let version = try #require(meta["version"] as? String, "sidecar version")
            #expect(try directory.entries("^docs") == ["report.pdf@\(version)", "report.pdf@meta"].sorted(), "files of the object")
            #expect(try Data(contentsOf: directory.appending("^docs/report.pdf@\(version)")) == Data("%PDF-1.7".utf8), "data file content")
        }
    }

    @Test func `an overwrite leaves only the new version's data`() async throws {
        try await withTemporaryDirectory { directory in
            let store = try LocalFileStore(root: directory.url)
            let key = try FileKey("a.txt")
            for round in 0..<3 {
                try await store.put(key, contentType: "text/plain", body: .bytes(Data("round \(round)".utf8)))
            }
            let files = try directory.entries().filter { $0.hasPrefix("a.txt@") }
            #expect(files.count == 2, "after three puts of a.txt: expected one data file and the sidecar, found \(files)")
        }
    }

    @Test func `a failing body leaves no staging file and no object file`() async throws {
        struct BodyFailure: Error {}
        try await withTemporaryDirectory { directory in
            let store = try LocalFileStore(root: directory.url, writeBufferSize: 1024)
            let body = ByteStream(AsyncThrowingStream { continuation in
                continuation.yield(Data(repeating: 7, count: 10_000))  // more than one write buffer reaches the disk
                continuation.finish(throwing: BodyFailure())
            })
            await #expect(throws: BodyFailure.self, "put with a failing body rethrows the body's error") {
                try await store.put(FileKey("dir/file.bin"), contentType: "application/octet-stream", body: body)
            }
            #expect(try directory.entries("@staging").isEmpty, "staging files left after a failed put")
            #expect(try directory.entries() == ["@lock", "@staging"], "object files left after a failed put")
        }
    }

    @Test func `delete prunes the directories it empties, and only those`() async throws {
        try await withTemporaryDirectory { directory in
            let store = try LocalFileStore(root: directory.url)
            try await store.put(FileKey("a/b/c"), contentType: "text/plain", body: .bytes(Data("c".utf8)))
            try await store.put(FileKey("a/d"), contentType: "text/plain", body: .bytes(Data("d".utf8)))
            try await store.delete(FileKey("a/b/c"))
            #expect(try directory.entries("a").filter { !$0.hasPrefix("d@") }.isEmpty, "a/b should be gone, a/d kept")
            try await store.delete(FileKey("a/d"))
            #expect(try directory.entries() == ["@lock", "@staging"], "root after deleting every object")
        }
    }

    @Test func `objects survive reopening the store, and two stores share a root`() async throws {
        try await withTemporaryDirectory { directory in
            let key = try FileKey("kept/file.txt")
            do {
                let first = try LocalFileStore(root: directory.url)
                try await first.put(key, contentType: "text/plain", body: .bytes(Data("kept".utf8)))
            }
            let reopened = try LocalFileStore(root: directory.url)
            let other = try LocalFileStore(root: directory.url)
            let (file, body) = try #require(try await reopened.get(key), "get(\(key)) after reopening")
            #expect(file == StoredFile(key: key, size: 4, contentType: "text/plain"), "metadata after reopening")
            #expect(try await body.collect() == Data("kept".utf8), "content after reopening")

            // Concurrent overwrites through two stores (two lock descriptors) still leave one whole version.
            try await withThrowingTaskGroup(of: Void.self) { group in
                for round in 0..<10 {
                    let store = round.isMultiple(of: 2) ? reopened : other
                    group.addTask {
                        try await store.put(key, contentType: "text/x-\(round)", body: .bytes(Data(repeating: UInt8(round), count: 10_000 + round)))
                    }
                }
                try await group.waitForAll()
            }
            let head = try #require(try await other.head(key), "head(\(key)) after concurrent puts through two stores")
            let round = try #require(Int(head.contentType.dropFirst("text/x-".count)), "content type \(head.contentType)")
            let content = try #require(try await reopened.get(key), "get(\(key)) after concurrent puts").1
            #expect(try await content.collect() == Data(repeating: UInt8(round), count: 10_000 + round), "content matches the winning metadata")
            #expect(try directory.entries("kept").count == 2, "one data file and the sidecar after concurrent puts through two stores")
        }
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/proc/self/fd"), "counts open files through /proc (Linux)"))
    func `a get released half-read closes its file`() async throws {
        try await withTemporaryDirectory { directory in
            let store = try LocalFileStore(root: directory.url, readChunkSize: 1024)
            let key = try FileKey("big.bin")
            try await store.put(key, contentType: "application/octet-stream", body: .bytes(Data(repeating: 1, count: 100_000)))
            let versionFile = try #require(try directory.entries().first { $0.hasPrefix("big.bin@") && $0 != "big.bin@meta" })
            let dataPath = directory.appending(versionFile).resolvingSymlinksInPath().path
            func openCount() throws -> Int {
                try FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").filter {
                    (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\($0)")) == dataPath
                }.count
            }
            do {
                let (_, body) = try #require(try await store.get(key), "get(\(key))")
                var iterator = body.makeAsyncIterator()
                _ = try await iterator.next()
                #expect(try openCount() == 1, "the data file is open while its stream is in use")
            }
            #expect(try openCount() == 0, "the data file is still open after its stream was released")
        }
    }
}
