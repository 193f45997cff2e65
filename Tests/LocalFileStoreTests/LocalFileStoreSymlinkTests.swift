import Domain
import Foundation
import Testing
@testable import LocalFileStore

/// Symbolic links planted under the root are never followed: nothing outside the root is read,
/// written or deleted through them, and the operation reports the store as unavailable.
@Suite struct LocalFileStoreSymlinkTests {
    private static func expectUnavailable<T>(
        _ operation: String, sourceLocation: SourceLocation = #_sourceLocation, _ body: () async throws -> T
    ) async {
        do {
            let result = try await body()
            Issue.record("\(operation) through a planted symbolic link returned \(result) instead of throwing", sourceLocation: sourceLocation)
        } catch let error as FileStoreError {
            guard case .unavailable = error else { Issue.record("\(operation) threw \(error), not .unavailable", sourceLocation: sourceLocation); return }
        } catch {
            Issue.record("\(operation) threw \(error), not FileStoreError.unavailable", sourceLocation: sourceLocation)
        }
    }

    /// Every regular file under `directory` with its content, to compare before and after.
    private static func snapshot(_ directory: TemporaryDirectory) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = try #require(FileManager.default.enumerator(atPath: directory.url.path))
        while let path = enumerator.nextObject() as? String {
            let url = directory.appending(path)
            if (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true { files[path] = try Data(contentsOf: url) }
        }
        return files
    }

    @Test func `a symlinked directory is not followed to write, read or delete`() async throws {
        try await withTemporaryDirectory { root in
            let outside = try TemporaryDirectory("LocalFileStoreTests-outside")
            defer { outside.remove() }
            // A genuine object outside the root, under the name a key in the root would use.
            try await LocalFileStore(root: outside.url).put(FileKey("x"), contentType: "text/plain", body: .bytes(Data("secret".utf8)))
            let before = try Self.snapshot(outside)

            let store = try LocalFileStore(root: root.url)
            try FileManager.default.createSymbolicLink(at: root.appending("docs"), withDestinationURL: outside.url)

            await Self.expectUnavailable("head(docs/x)") { try await store.head(FileKey("docs/x")) }
            await Self.expectUnavailable("get(docs/x)") { try await store.get(FileKey("docs/x")).map { "\($0.0)" } }
            await Self.expectUnavailable("put(docs/y)") {
                try await store.put(FileKey("docs/y"), contentType: "text/plain", body: .bytes(Data("planted".utf8)))
            }
            await Self.expectUnavailable("put(docs/x)") {
                try await store.put(FileKey("docs/x"), contentType: "text/plain", body: .bytes(Data("overwritten".utf8)))
            }
            await Self.expectUnavailable("delete(docs/x)") { try await store.delete(FileKey("docs/x")) }
            #expect(try Self.snapshot(outside) == before, "files outside the root changed through a symlinked directory")
        }
    }

    @Test func `a symlinked sidecar is not read, replaced or deleted through`() async throws {
        try await withTemporaryDirectory { root in
            let outside = try TemporaryDirectory("LocalFileStoreTests-outside")
            defer { outside.remove() }
            try await LocalFileStore(root: outside.url).put(FileKey("secret"), contentType: "text/plain", body: .bytes(Data("secret".utf8)))
            let before = try Self.snapshot(outside)
            for name in try outside.entries() where name.hasPrefix("secret@") {
                try FileManager.default.createSymbolicLink(at: root.appending(name), withDestinationURL: outside.appending(name))
            }

            let store = try LocalFileStore(root: root.url)
            let key = try FileKey("secret")
            await Self.expectUnavailable("head(secret)") { try await store.head(key) }
            await Self.expectUnavailable("get(secret)") { try await store.get(key).map { "\($0.0)" } }
            await Self.expectUnavailable("put(secret)") { try await store.put(key, contentType: "text/plain", body: .bytes(Data("x".utf8))) }
            await Self.expectUnavailable("delete(secret)") { try await store.delete(key) }
            #expect(try Self.snapshot(outside) == before, "files outside the root changed through a symlinked sidecar")
        }
    }

    @Test func `a symlinked data file is not read`() async throws {
        try await withTemporaryDirectory { root in
            let outside = try TemporaryDirectory("LocalFileStoreTests-outside")
            defer { outside.remove() }
            let secret = outside.appending("secret.txt")
            try Data("outside!".utf8).write(to: secret)

            let store = try LocalFileStore(root: root.url)
            let key = try FileKey("report.txt")
            try await store.put(key, contentType: "text/plain", body: .bytes(Data("inside!!".utf8)))  // same size as the secret
            let dataName = try #require(try root.entries().first { $0.hasPrefix("report.txt@") && $0 != "report.txt@meta" })
            try FileManager.default.removeItem(at: root.appending(dataName))
            try FileManager.default.createSymbolicLink(at: root.appending(dataName), withDestinationURL: secret)

            await Self.expectUnavailable("get(report.txt)") { try await store.get(key).map { "\($0.0)" } }
        }
    }

    @Test func `a FIFO planted as a sidecar is refused without blocking`() async throws {
        try await withTemporaryDirectory { root in
            let store = try LocalFileStore(root: root.url)
            #expect(mkfifo(root.appending("pipe@meta").path, 0o600) == 0, "mkfifo")
            await Self.expectUnavailable("head(pipe)") { try await store.head(FileKey("pipe")) }
        }
    }

    @Test func `a symlinked staging directory makes opening the store fail`() async throws {
        try await withTemporaryDirectory { root in
            let outside = try TemporaryDirectory("LocalFileStoreTests-outside")
            defer { outside.remove() }
            try FileManager.default.createSymbolicLink(at: root.appending("@staging"), withDestinationURL: outside.url)
            #expect(throws: FileStoreError.self, "LocalFileStore(root:) with a symlinked @staging") {
                try LocalFileStore(root: root.url)
            }
        }
    }

    @Test func `the root itself may be a symbolic link chosen by the operator`() async throws {
        try await withTemporaryDirectory { directory in
            let real = directory.appending("real")
            try FileManager.default.createDirectory(at: real, withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(at: directory.appending("link"), withDestinationURL: real)
            let store = try LocalFileStore(root: directory.appending("link"))
            let key = try FileKey("a/b.txt")
            try await store.put(key, contentType: "text/plain", body: .bytes(Data("hello".utf8)))
            let (_, body) = try #require(try await store.get(key), "get(a/b.txt) in a symlinked root")
            #expect(try await body.collect() == Data("hello".utf8), "content in a symlinked root")
            #expect(FileManager.default.fileExists(atPath: real.appendingPathComponent("a/b.txt@meta").path), "object lands in the link's target")
        }
    }
}
