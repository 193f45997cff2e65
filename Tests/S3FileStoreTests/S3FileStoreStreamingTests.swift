import Domain
import Foundation
import S3FileStore
import Testing

/// Behaviour on the real server beyond the contract: virtual-host addressing, downloads that are
/// abandoned, and the throughput and memory of a large object.
@Suite("S3FileStore streaming", .enabled(if: S3TestServer.shouldRun, S3TestServer.missingMessage))
struct S3FileStoreStreamingTests {
    @Test func virtualHostAddressingWorksAgainstTheServer() async throws {
        let server = try S3TestServer.required()
        // SeaweedFS runs with -s3.domainName=localhost, and libcurl resolves BUCKET.localhost to 127.0.0.1.
        let port = try #require(server.endpoint.port)
        let store = try S3FileStore(server.configuration(endpoint: URL(string: "http://localhost:\(port)")!, addressing: .virtualHost))
        #expect(store.url(of: try FileKey("x")) == "http://\(server.bucket).localhost:\(port)/x")
        let key = try FileKey("virtual-host/\(UUID().uuidString).txt")
        try await store.put(key, contentType: "text/plain", body: .bytes(Data("by virtual host".utf8)))
        let (file, body) = try #require(try await store.get(key), "get(\(key)) through virtual-host addressing returned nil")
        #expect(file == StoredFile(key: key, size: 15, contentType: "text/plain"), "get(\(key)) metadata through virtual-host addressing")
        #expect(try await body.collect() == Data("by virtual host".utf8), "get(\(key)) body through virtual-host addressing")
        try await store.delete(key)
        #expect(try await store.head(key) == nil, "head(\(key)) after delete through virtual-host addressing")
        try await store.checkBucket()
    }

    /// A reader that stops part-way must not keep the transfer (and its thread) forever: with a single
    /// transfer thread, later operations still run once the abandoned stream is dropped.
    @Test func droppingADownloadFreesItsTransfer() async throws {
        let server = try S3TestServer.required()
        var configuration = server.configuration()
        configuration.maximumConcurrentTransfers = 1
        configuration.downloadBufferSize = 256 * 1024
        let store = try S3FileStore(configuration)
        let key = try FileKey("abandoned/\(UUID().uuidString).bin")
        let content = RepeatingContent(count: 12 * 1024 * 1024)
        try await store.put(key, contentType: "application/octet-stream", body: content.stream())
        do {
            let (_, body) = try #require(try await store.get(key), "get(\(key)) returned nil")
            var iterator = body.makeAsyncIterator()
            let first = try #require(try await iterator.next(), "get(\(key)) yielded no first chunk")
            #expect(first == content.bytes(at: 0, length: first.count), "get(\(key)): the first chunk")
        }
        // The stream is gone; the one transfer thread must be free again.
        let head = try await store.head(key)
        #expect(head?.size == Int64(content.count), "head(\(key)) after abandoning a download")
        let (_, again) = try #require(try await store.get(key), "get(\(key)) after abandoning a download returned nil")
        #expect(try await content.matches(again), "get(\(key)) after abandoning a download: body")
        try await store.delete(key)
    }

    /// The contract's 50 MiB case checks correctness; this one moves 100 MiB, reports speed and memory
    /// (printed for the record), and checks that neither direction holds the object in memory.
    @Test func largeObjectThroughputAndMemory() async throws {
        let server = try S3TestServer.required()
        let store = try S3FileStore(server.configuration())
        let key = try FileKey("large/\(UUID().uuidString).bin")
        let content = RepeatingContent(count: 100 * 1024 * 1024 + 7)
        let megabytes = Double(content.count) / 1_048_576

        ProcessMemory.measureLiveMemory()
        let clock = ContinuousClock()
        let beforePut = ProcessMemory.Sample.now()
        let started = clock.now
        let (_, putPeak) = try await ProcessMemory.peak { try await store.put(key, contentType: "application/octet-stream", body: content.stream()) }
        let uploaded = clock.now
        let beforeGet = ProcessMemory.Sample.now()
        let (matches, getPeak) = try await ProcessMemory.peak { () async throws -> Bool in
            let (_, body) = try #require(try await store.get(key), "get(\(key)) returned nil")
            return try await content.matches(body)
        }
        let downloaded = clock.now
        try await store.delete(key)

        #expect(matches, "get(\(key)) of \(content.count) bytes: body")
        let up = (uploaded - started) / .seconds(1)
        let down = (downloaded - uploaded) / .seconds(1)
        let mib = { (bytes: Int) in max(0, bytes) >> 20 }
        print(String(format: "S3FileStore 100 MiB: upload %.1f MiB/s (%.2f s), download %.1f MiB/s (%.2f s)", megabytes / up, up, megabytes / down, down)
              + "; resident memory grew by at most \(mib(putPeak.resident - beforePut.resident)) MiB during put, \(mib(getPeak.resident - beforeGet.resident)) MiB during get")
        // Alone, a put holds about two 8 MiB parts (+20 MiB measured) and a get its 1 MiB buffer. Other
        // suites run in this process at the same time (the memory store's 50 MiB case keeps its object),
        // so the bound is the object's size: whatever happens around it, a store that held the object
        // would exceed it.
        #expect(putPeak.resident - beforePut.resident < content.count, "put of \(content.count) bytes: resident memory grew by \(mib(putPeak.resident - beforePut.resident)) MiB")
        #expect(getPeak.resident - beforeGet.resident < content.count, "get of \(content.count) bytes: resident memory grew by \(mib(getPeak.resident - beforeGet.resident)) MiB")
    }
}
