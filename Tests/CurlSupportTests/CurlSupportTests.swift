import CurlSupport
import Foundation
import Testing

/// The curl wrapper on its own, with file:// transfers (no server needed): handlers, errors,
/// cancellation, and the threads transfers run on.
@Suite("CurlSupport")
struct CurlSupportTests {
    let pool = CurlWorkerPool(name: "CurlSupportTests", maximumThreads: 2)

    func temporaryFile(_ contents: Data) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("CurlSupportTests-\(UUID().uuidString)")
        try contents.write(to: url)
        return url
    }

    @Test func downloadsThroughTheWriteHandlerOnAWorkerThread() async throws {
        let contents = Data((0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 7) })
        let file = try temporaryFile(contents)
        defer { try? FileManager.default.removeItem(at: file) }
        let (received, onWorker) = try await pool.run { easy -> (Data, Bool) in
            var received = Data()
            try easy.set(.url, file.absoluteString)
            easy.onWrite { bytes in
                received.append(contentsOf: bytes)
                return true
            }
            try easy.perform()
            return (received, CurlWorkerPool.isWorkerThread)
        }
        #expect(received == contents, "file:// download through onWrite")
        #expect(onWorker, "perform() ran on a thread of the pool, not on Swift's cooperative pool")
        #expect(!CurlWorkerPool.isWorkerThread, "the test itself does not run on a worker")
    }

    @Test func uploadsThroughTheReadHandler() async throws {
        let contents = Data((0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 13) })
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("CurlSupportTests-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: file) }
        try await pool.run { easy in
            var offset = 0
            try easy.set(.url, file.absoluteString)
            try easy.set(.upload, true)
            try easy.set(.inFileSize, Int64(contents.count))
            easy.onRead { buffer in
                let count = min(buffer.count, contents.count - offset)
                contents.copyBytes(to: buffer.bindMemory(to: UInt8.self), from: offset..<(offset + count))
                offset += count
                return count
            }
            try easy.perform()
        }
        #expect(try Data(contentsOf: file) == contents, "file:// upload through onRead")
    }

    @Test func failuresCarryCodeAndMessage() async throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("CurlSupportTests-missing-\(UUID().uuidString)")
        do {
            try await pool.run { easy in
                try easy.set(.url, missing.absoluteString)
                try easy.perform()
            }
            Issue.record("reading a missing file:// URL succeeded")
        } catch let error as CurlError {
            #expect(error.code == 37, "reading a missing file:// URL: CURLE_FILE_COULDNT_READ_FILE, got \(error)")
            #expect(error.description.contains("curl error 37"), "the message names the code: \(error)")
            #expect(!error.isTransient, "a missing file is not transient")
        }
    }

    @Test func anAbortingHandlerStopsTheTransfer() async throws {
        let file = try temporaryFile(Data(count: 1_000_000))
        defer { try? FileManager.default.removeItem(at: file) }
        do {
            try await pool.run { easy in
                try easy.set(.url, file.absoluteString)
                try easy.set(.bufferSize, 16 * 1024)
                easy.onWrite { _ in false }
                try easy.perform()
            }
            Issue.record("a transfer whose write handler refused data succeeded")
        } catch let error as CurlError {
            #expect(error.isAbortedByCallback, "a refusing write handler ends the transfer with a write error, got \(error)")
        }
    }

    @Test func cancellingTheTaskAbortsTheTransfer() async throws {
        let file = try temporaryFile(Data(count: 4_000_000))
        defer { try? FileManager.default.removeItem(at: file) }
        let started = AsyncStream<Void>.makeStream()
        let task = Task {
            try await pool.run { easy in
                try easy.set(.url, file.absoluteString)
                try easy.set(.bufferSize, 1024)
                var signalled = false
                easy.onWrite { _ in
                    if !signalled {
                        signalled = true
                        started.continuation.yield()
                    }
                    // Slow enough that the transfer is still running when the task is cancelled.
                    Thread.sleep(forTimeInterval: 0.001)
                    return true
                }
                try easy.perform()
            }
        }
        var events = started.stream.makeAsyncIterator()
        _ = await events.next()
        task.cancel()
        await #expect(throws: CancellationError.self, "a cancelled transfer throws CancellationError") { try await task.value }
    }

    @Test func reportsTheLibcurlItLinks() {
        // Header lists are checked on the wire by the S3 suite's recording server.
        #expect(Curl.version.hasPrefix("libcurl/"), "curl_version: \(Curl.version)")
    }
}
