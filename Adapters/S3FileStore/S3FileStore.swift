import CurlSupport
import Domain
import Foundation

/// The file store on an S3-compatible server (AWS S3, MinIO, SeaweedFS …), spoken to through libcurl.
///
/// - Requests are signed by libcurl itself (`CURLOPT_AWS_SIGV4`); every request carries
///   `x-amz-content-sha256` (libcurl 7.88 does not add it): the empty-payload hash, or
///   `UNSIGNED-PAYLOAD` for bodies.
/// - `put` never holds the whole object. It gathers the body into a part of `partSize` bytes: a body
///   that ends within the first part is sent as one PUT with its exact length; a longer one becomes a
///   multipart upload, one part uploading while the next is read (so at most two parts are in memory).
///   Why not stream one PUT: S3 needs the length of a PUT before its body (there is no chunked upload
///   without a signed, length-announcing encoding), and spooling to a temporary file would double the
///   disk traffic and need a disk. The object appears atomically when the single PUT or the
///   CompleteMultipartUpload succeeds; a body that fails, or a cancelled put, aborts the upload and
///   leaves the previous object.
/// - `get` returns once the response head is in; the body streams through a bounded buffer
///   (`downloadBufferSize`), the transfer waiting for the reader while it is full. A download keeps
///   its transfer thread until its body is read to the end, dropped, or left unread for
///   `idleTimeout` (then the transfer is abandoned and the reader gets an error), so readers that
///   stall cannot take the store's threads for good. A body cut off mid-way ends with
///   `FileStoreError.unavailable`, never early and silently; it is not resumed.
/// - A missing key is `nil`. Refused credentials are `FileStoreError.unauthorized`, saying so; an
///   unreachable server, a missing bucket, a 5xx or any unexpected answer is `.unavailable`. `get`,
///   `head`, `delete` and the parts of `put` (all repeatable: the bodies are in memory) are retried
///   on transient failures, `attempts` times in all with a doubling delay.
/// - Blocking libcurl calls run on the store's own threads (`maximumConcurrentTransfers`), never on
///   Swift's cooperative pool.
public final class S3FileStore: FileStore {
    public let configuration: Configuration
    private let client: S3Client

    /// Checks the configuration; no request is sent until the first operation.
    public init(_ configuration: Configuration) throws(S3ConfigurationError) {
        guard configuration.partSize >= 5 * 1024 * 1024 else { throw S3ConfigurationError("the part size must be at least 5 MiB (S3's minimum)") }
        guard configuration.attempts >= 1, configuration.downloadBufferSize > 0, configuration.maximumConcurrentTransfers > 0 else {
            throw S3ConfigurationError("attempts, download buffer size and concurrent transfers must be positive")
        }
        self.configuration = configuration
        let workers = CurlWorkerPool(name: "S3FileStore.\(configuration.bucket)", maximumThreads: configuration.maximumConcurrentTransfers)
        client = try S3Client(configuration: configuration, workers: workers)
    }

    /// The URL of `key` as this store addresses it (path-style or virtual-host style).
    public func url(of key: FileKey) -> String { client.addressing.objectURL(key) }

    @discardableResult
    public func put(_ key: FileKey, contentType: String, body: ByteStream) async throws -> StoredFile {
        var parts = PartReader(body, partSize: configuration.partSize)
        do {
            if try await parts.fitsInOnePart() {
                let data = try await parts.next().data
                // A cancelled task may see its body end early: that must not become a truncated object.
                try Task.checkCancellation()
                try await putObject(key, contentType: contentType, data: data)
                return StoredFile(key: key, size: Int64(data.count), contentType: contentType)
            }
            let size = try await putMultipart(key, contentType: contentType, parts: &parts)
            return StoredFile(key: key, size: size, contentType: contentType)
        } catch let failure as S3Failure {
            throw failure.error
        }
    }

    public func get(_ key: FileKey) async throws -> (StoredFile, ByteStream)? {
        let operation = "get(\(key))"
        let request = S3Request(method: .get, url: client.addressing.objectURL(key), operation: operation)
        do {
            let download = try await client.retrying { () async throws -> S3Client.Download in
                let download = try await client.download(request)
                if case .answer(let response) = download, response.status != 404 {
                    throw S3Failure(response: response, operation: operation, store: client.target)
                }
                return download
            }
            switch download {
            case .answer(let response):
                // 404: NoSuchKey is a missing object; anything else (NoSuchBucket, an answer that is not
                // S3's) is a failure, never "missing".
                guard S3XML.text(of: "Code", in: response.body) == "NoSuchKey" else {
                    throw S3Failure(response: response, operation: operation, store: client.target)
                }
                return nil
            case .streaming(let response, let body):
                return (try storedFile(key, from: response, operation: operation), body)
            }
        } catch let failure as S3Failure {
            throw failure.error
        }
    }

    public func head(_ key: FileKey) async throws -> StoredFile? {
        let operation = "head(\(key))"
        let request = S3Request(method: .head, url: client.addressing.objectURL(key), operation: operation)
        do {
            let response = try await client.retrying {
                let response = try await client.send(request)
                guard response.isSuccess || response.status == 404 else {
                    throw S3Failure(response: response, operation: operation, store: client.target)
                }
                return response
            }
            if response.isSuccess { return try storedFile(key, from: response, operation: operation) }
            // A HEAD answer has no body to tell a missing key from a missing bucket: ask about the bucket.
            try await checkBucket(operation: operation)
            return nil
        } catch let failure as S3Failure {
            throw failure.error
        }
    }

    public func delete(_ key: FileKey) async throws {
        let operation = "delete(\(key))"
        let request = S3Request(method: .delete, url: client.addressing.objectURL(key), operation: operation)
        do {
            try await client.retrying {
                let response = try await client.send(request)
                // S3 answers 204 for a missing key too; some servers say 404 NoSuchKey, which is just as fine.
                guard response.isSuccess || (response.status == 404 && S3XML.text(of: "Code", in: response.body) == "NoSuchKey") else {
                    throw S3Failure(response: response, operation: operation, store: client.target)
                }
            }
        } catch let failure as S3Failure {
            throw failure.error
        }
    }

    /// Verifies that the bucket exists and the credentials may use it (HEAD bucket); throws the
    /// port's error otherwise. `switchboard config check` and the tests use it.
    public func checkBucket() async throws {
        do {
            try await checkBucket(operation: "checking bucket \(configuration.bucket)")
        } catch let failure as S3Failure {
            throw failure.error
        }
    }

    // MARK: Helpers

    private func checkBucket(operation: String) async throws {
        let request = S3Request(method: .head, url: client.addressing.bucketURL(), operation: operation)
        let response = try await client.retrying {
            let response = try await client.send(request)
            guard response.isSuccess || response.status == 404 else {
                throw S3Failure(response: response, operation: operation, store: client.target)
            }
            return response
        }
        guard response.isSuccess else {
            throw S3Failure(unavailable: "\(operation): the bucket \(configuration.bucket) does not exist at \(configuration.endpoint.absoluteString)")
        }
    }

    private func putObject(_ key: FileKey, contentType: String, data: Data) async throws {
        let request = S3Request(
            method: .put, url: client.addressing.objectURL(key), headers: [("Content-Type", contentType)], body: data,
            operation: "put(\(key))"
        )
        _ = try await client.sendExpectingSuccess(request)
    }

    /// Uploads the body as parts, one uploading while the next is read, and returns the object's
    /// size. Aborts the upload on any failure, including the body's.
    private func putMultipart(_ key: FileKey, contentType: String, parts: inout PartReader) async throws -> Int64 {
        let upload = try await MultipartUpload.create(client, key: key, contentType: contentType)
        do {
            var size: Int64 = 0
            var completed: [MultipartUpload.CompletedPart] = []
            try await withThrowingTaskGroup(of: MultipartUpload.CompletedPart.self) { group in
                var number = 0
                var isLast = false
                while !isLast {
                    let part = try await parts.next()
                    isLast = part.isLast
                    guard !part.data.isEmpty else { break }
                    size += Int64(part.data.count)
                    // Wait for the previous part before sending this one: at most two parts in memory.
                    if number > 0, let done = try await group.next() { completed.append(done) }
                    number += 1
                    group.addTask { [number] in try await upload.upload(part: number, part.data) }
                }
                while let done = try await group.next() { completed.append(done) }
            }
            try Task.checkCancellation()
            try await upload.complete(completed)
            return size
        } catch {
            await upload.abort()
            throw error
        }
    }

    private func storedFile(_ key: FileKey, from response: S3Response, operation: String) throws -> StoredFile {
        guard let length = response.header("Content-Length").flatMap({ Int64($0) }) else {
            throw S3Failure(unavailable: "\(operation): \(client.target) answered without a Content-Length")
        }
        return StoredFile(key: key, size: length, contentType: response.header("Content-Type") ?? "application/octet-stream")
    }
}
