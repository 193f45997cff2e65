import Domain
import Foundation
import S3FileStore
import Synchronization
import Testing

/// Large objects (multipart uploads, long downloads) when something goes wrong part-way: nothing
/// partial may ever become visible, nothing may be left behind on the server, and a broken download
/// must fail rather than end early.
@Suite("S3FileStore large objects under failure", .enabled(if: S3TestServer.shouldRun, S3TestServer.missingMessage))
struct S3FileStoreMultipartTests {
    struct BodyFailure: Error, Equatable {}

    /// `content`, failing with `BodyFailure` once `limit` bytes were yielded.
    func failing(_ content: RepeatingContent, after limit: Int) -> ByteStream {
        let offset = Mutex(0)
        return ByteStream(AsyncThrowingStream {
            try offset.withLock { offset -> Data? in
                guard offset < limit else { throw BodyFailure() }
                let length = min(256 * 1024, limit - offset)
                defer { offset += length }
                return content.bytes(at: offset, length: length)
            }
        })
    }

    @Test func aBodyFailingAfterSeveralPartsAbortsTheUploadAndKeepsTheOldObject() async throws {
        let server = try S3TestServer.required()
        let bucket = try await server.createBucket(prefix: "failing")
        let store = try S3FileStore(server.configuration(bucket: bucket))
        let key = try FileKey("reports/big.bin")
        try await store.put(key, contentType: "text/csv", body: .bytes(Data("the old object".utf8)))

        let content = RepeatingContent(count: 30 * 1024 * 1024)
        await #expect(throws: BodyFailure.self, "put(\(key)) whose body fails after 20 MiB (three parts) rethrows the body's error") {
            try await store.put(key, contentType: "application/zip", body: failing(content, after: 20 * 1024 * 1024))
        }
        let (file, body) = try #require(try await store.get(key), "get(\(key)) after a failed multipart put returned nil")
        #expect(file == StoredFile(key: key, size: 14, contentType: "text/csv"), "get(\(key)) after a failed multipart put: metadata")
        #expect(try await body.collect() == Data("the old object".utf8), "get(\(key)) after a failed multipart put: body")
        #expect(try await server.pendingUploads(in: bucket) == 0, "a failed multipart put leaves no upload behind on the server")
        try await server.deleteBucket(bucket)
    }

    @Test func aCancelledLargePutLeavesNothing() async throws {
        let server = try S3TestServer.required()
        let bucket = try await server.createBucket(prefix: "cancelled")
        let store = try S3FileStore(server.configuration(bucket: bucket))
        let key = try FileKey("uploads/cancelled.bin")
        let content = RepeatingContent(count: 20 * 1024 * 1024)
        let (reachedEnd, signal) = AsyncStream<Void>.makeStream()
        let offset = Mutex(0)
        // 20 MiB, then a body that waits (until the put is cancelled) for data that never comes.
        let body = ByteStream(AsyncThrowingStream {
            let chunk = offset.withLock { offset -> Data? in
                guard offset < content.count else { return nil }
                defer { offset += 256 * 1024 }
                return content.bytes(at: offset, length: 256 * 1024)
            }
            if let chunk { return chunk }
            signal.yield()
            try await Task.sleep(for: .seconds(3600))
            return nil
        })
        let put = Task { try await store.put(key, contentType: "application/octet-stream", body: body) }
        var events = reachedEnd.makeAsyncIterator()
        _ = await events.next()
        put.cancel()
        await #expect(throws: (any Error).self, "put(\(key)) cancelled after 20 MiB throws") { _ = try await put.value }
        #expect(try await store.head(key) == nil, "head(\(key)) after a cancelled multipart put")
        #expect(try await server.pendingUploads(in: bucket) == 0, "a cancelled multipart put leaves no upload behind on the server")
        try await server.deleteBucket(bucket)
    }

    @Test func aDownloadCutMidwayFailsInsteadOfEndingEarly() async throws {
        let server = try S3TestServer.required()
        let port = try #require(server.endpoint.port.map(UInt16.init))
        let forwarder = try TCPForwarder(to: port)
        defer { forwarder.shutDown() }
        var configuration = server.configuration(endpoint: URL(string: "http://127.0.0.1:\(forwarder.port)")!)
        configuration.downloadBufferSize = 64 * 1024
        let store = try S3FileStore(configuration)
        let key = try FileKey("cut/\(UUID().uuidString).bin")
        let content = RepeatingContent(count: 32 * 1024 * 1024)
        try await store.put(key, contentType: "application/octet-stream", body: content.stream())

        let (_, body) = try #require(try await store.get(key), "get(\(key)) returned nil")
        var iterator = body.makeAsyncIterator()
        var received = try #require(try await iterator.next(), "get(\(key)) yielded no first chunk").count
        forwarder.shutDown()
        do {
            while let chunk = try await iterator.next() { received += chunk.count }
            Issue.record("get(\(key)) cut after the first chunk ended cleanly after \(received) of \(content.count) bytes")
        } catch FileStoreError.unavailable(let reason) {
            #expect(received < content.count, "get(\(key)) cut midway: \(received) bytes arrived before the error")
            #expect(reason.contains("get(\(key))"), "the error names the operation: \(reason)")
        }
        try await S3FileStore(server.configuration()).delete(key)
    }
}
