import Domain
import Foundation
import Testing
@testable import LocalFileStore

/// Damage on disk is reported as `FileStoreError.unavailable`, never as a missing or wrong object,
/// and overwriting or deleting a damaged object repairs it.
@Suite struct LocalFileStoreDamageTests {
    private static func expectUnavailable<T>(
        _ operation: String, sourceLocation: SourceLocation = #_sourceLocation, _ body: () async throws -> T
    ) async {
        do {
            let result = try await body()
            Issue.record("\(operation) of a damaged object returned \(result) instead of throwing", sourceLocation: sourceLocation)
        } catch let error as FileStoreError {
            guard case .unavailable = error else { Issue.record("\(operation) threw \(error), not .unavailable", sourceLocation: sourceLocation); return }
        } catch {
            Issue.record("\(operation) threw \(error), not FileStoreError.unavailable", sourceLocation: sourceLocation)
        }
    }

    private static func dataFile(of stem: String, in root: TemporaryDirectory) throws -> URL {
        let name = try #require(try root.entries().first { $0.hasPrefix(stem + "@") && $0 != stem + "@meta" }, "data file of \(stem)")
        return root.appending(name)
    }

    @Test func `a damaged sidecar is an error to read, and overwrite or delete repair it`() async throws {
        try await withTemporaryDirectory { root in
            let store = try LocalFileStore(root: root.url)
            let key = try FileKey("doc.txt")
            try await store.put(key, contentType: "text/plain", body: .bytes(Data("v1".utf8)))
            try Data("{not json".utf8).write(to: root.appending("doc.txt@meta"))

            await Self.expectUnavailable("head(doc.txt)") { try await store.head(key) }
            await Self.expectUnavailable("get(doc.txt)") { try await store.get(key).map { "\($0.0)" } }

            try await store.put(key, contentType: "text/markdown", body: .bytes(Data("v2".utf8)))
            #expect(try await store.head(key) == StoredFile(key: key, size: 2, contentType: "text/markdown"), "head after repairing overwrite")

            try Data("[]".utf8).write(to: root.appending("doc.txt@meta"))
            try await store.delete(key)
            #expect(try await store.head(key) == nil, "head after deleting a damaged object")
        }
    }

    @Test func `a data file of the wrong size is an error to read`() async throws {
        try await withTemporaryDirectory { root in
            let store = try LocalFileStore(root: root.url)
            let key = try FileKey("photo.jpg")
            try await store.put(key, contentType: "image/jpeg", body: .bytes(Data(repeating: 9, count: 1_000)))
            try Data(repeating: 9, count: 999).write(to: try Self.dataFile(of: "photo.jpg", in: root))
            await Self.expectUnavailable("get(photo.jpg)") { try await store.get(key).map { "\($0.0)" } }
        }
    }

    @Test func `a sidecar whose data file is gone is an error to read`() async throws {
        try await withTemporaryDirectory { root in
            let store = try LocalFileStore(root: root.url)
            let key = try FileKey("gone.bin")
            try await store.put(key, contentType: "application/octet-stream", body: .bytes(Data(repeating: 1, count: 10)))
            try FileManager.default.removeItem(at: try Self.dataFile(of: "gone.bin", in: root))
            await Self.expectUnavailable("get(gone.bin)") { try await store.get(key).map { "\($0.0)" } }
        }
    }

    @Test func `a data file truncated while it is streamed is an error, not a short object`() async throws {
        try await withTemporaryDirectory { root in
            let store = try LocalFileStore(root: root.url, readChunkSize: 1_000)
            let key = try FileKey("shrinking.bin")
            try await store.put(key, contentType: "application/octet-stream", body: .bytes(Data(repeating: 3, count: 10_000)))
            let (_, body) = try #require(try await store.get(key), "get(shrinking.bin)")
            var iterator = body.makeAsyncIterator()
            _ = try await iterator.next()
            let handle = try FileHandle(forWritingTo: try Self.dataFile(of: "shrinking.bin", in: root))
            try handle.truncate(atOffset: 2_500)
            try handle.close()
            await Self.expectUnavailable("reading the rest of shrinking.bin") {
                while try await iterator.next() != nil {}
            }
        }
    }
}
