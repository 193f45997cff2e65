import CurlSupport
import Domain
import Foundation

/// Sends S3 requests through libcurl on dedicated threads: signing (by libcurl's SigV4), time-outs,
/// retries of idempotent requests, and translation of failures into `S3Failure`.
struct S3Client: Sendable {
    let configuration: S3FileStore.Configuration
    let addressing: S3Addressing
    let target: S3Target
    let workers: CurlWorkerPool

    /// Largest response body kept for a non-streamed request (S3's XML answers are a few KB).
    static let responseBodyLimit = 1024 * 1024

    init(configuration: S3FileStore.Configuration, workers: CurlWorkerPool) throws(S3ConfigurationError) {
        self.configuration = configuration
        addressing = try S3Addressing(endpoint: configuration.endpoint, bucket: configuration.bucket, addressing: configuration.addressing)
        target = S3Target(endpoint: configuration.endpoint.absoluteString, bucket: configuration.bucket, accessKey: configuration.accessKey)
        self.workers = workers
    }

    // MARK: Retries

    /// Which failures a request may be sent again after.
    enum Retry: Sendable {
        /// Any transient failure: for requests that may safely be repeated.
        case whenTransient
        /// Only when the request never reached the server: for requests whose repetition could
        /// misreport the first one's effect.
        case whenNotSent
        case never
    }

    /// Runs `attempt` up to `configuration.attempts` times while `retry` allows it, waiting
    /// `firstRetryDelay`, then twice as long, and so on between attempts.
    func retrying<T: Sendable>(_ retry: Retry = .whenTransient, _ attempt: () async throws -> T) async throws -> T {
        var delay = configuration.firstRetryDelay
        var attempts = 0
        while true {
            attempts += 1
            do {
                return try await attempt()
            } catch let failure as S3Failure {
                let allowed = switch retry {
                case .whenTransient: failure.isTransient
                case .whenNotSent: failure.wasNotSent
                case .never: false
                }
                guard allowed, attempts < configuration.attempts else { throw failure.afterAttempts(attempts) }
                try await Task.sleep(for: delay)
                delay *= 2
            }
        }
    }

    // MARK: Whole responses

    /// Sends `request` once and returns the answer, whatever its status; throws `S3Failure` when no
    /// answer arrived, `CancellationError` when the task was cancelled.
    func send(_ request: S3Request) async throws -> S3Response {
        let client = self
        do {
            return try await workers.run { easy in
                var head = S3ResponseHeadParser()
                var body = Data()
                var overflow = false
                try client.prepare(easy, for: request)
                easy.onHeader { line in
                    head.feed(line)
                    return true
                }
                easy.onWrite { bytes in
                    guard body.count + bytes.count <= Self.responseBodyLimit else {
                        overflow = true
                        return false
                    }
                    body.append(contentsOf: bytes)
                    return true
                }
                do {
                    try easy.perform()
                } catch where overflow {
                    throw S3Failure(unavailable: "\(request.operation): \(client.target) sent a response larger than \(Self.responseBodyLimit) bytes")
                }
                return head.response(body: body)
            }
        } catch let error as CurlError {
            throw S3Failure(curl: error, operation: request.operation, store: target)
        }
    }

    /// Sends `request` with retries and returns the successful answer; any other answer is thrown.
    func sendExpectingSuccess(_ request: S3Request, retry: Retry = .whenTransient) async throws -> S3Response {
        let once = {
            var response = try await send(request)
            // S3 may answer 200 OK with an <Error> document (CompleteMultipartUpload does, for an
            // internal error met after the status line was sent): that is the 5xx it stands for.
            if response.isSuccess, S3XML.isError(response.body) { response.status = 500 }
            guard response.isSuccess else { throw S3Failure(response: response, operation: request.operation, store: target) }
            return response
        }
        return try await retrying(retry, once)
    }

    // MARK: Streamed responses

    /// How a streamed GET began: an answer other than success (its body collected), or a success
    /// whose body now flows into the returned stream.
    enum Download: Sendable {
        case answer(S3Response)
        case streaming(S3Response, ByteStream)
    }

    /// Sends a GET once and returns as soon as the response head is in. On success the body streams
    /// through a bounded buffer: while it is full the transfer waits for the reader, and if nobody
    /// reads for `idleTimeout` (or the stream is dropped) the transfer is abandoned.
    func download(_ request: S3Request) async throws -> Download {
        let client = self
        let pipe = DownloadPipe(capacity: configuration.downloadBufferSize, stallTimeout: configuration.idleTimeout, operation: request.operation)
        do {
            return try await withTaskCancellationHandler {
                try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Download, any Error>) in
                    workers.start { easy in
                        client.runDownload(request, on: easy, into: pipe, head: continuation)
                    }
                }
            } onCancel: {
                pipe.cancellation.cancel()
            }
        } catch let error as CurlError {
            throw S3Failure(curl: error, operation: request.operation, store: target)
        }
    }

    /// The worker's side of `download`: resumes `continuation` exactly once (with the head, a non-success
    /// answer or the failure), then feeds the pipe until the body ends.
    private func runDownload(_ request: S3Request, on easy: CurlEasy, into pipe: DownloadPipe, head continuation: CheckedContinuation<Download, any Error>) {
        var head = S3ResponseHeadParser()
        var errorBody = Data()
        var streaming = false
        do {
            guard !pipe.cancellation.isCancelled else { throw CancellationError() }
            try prepare(easy, for: request)
            try easy.set(.bufferSize, 128 * 1024)
            try easy.abort(when: pipe.cancellation)
            easy.onHeader { line in
                head.feed(line)
                if head.isComplete, (200..<300).contains(head.status), !streaming {
                    streaming = true
                    continuation.resume(returning: .streaming(head.response(), pipe.stream()))
                }
                return true
            }
            easy.onWrite { bytes in
                if streaming { return pipe.push(bytes) }
                if errorBody.count < Self.responseBodyLimit { errorBody.append(contentsOf: bytes) }
                return true
            }
            try easy.perform()
            if streaming {
                pipe.finish(nil)
            } else {
                continuation.resume(returning: .answer(head.response(body: errorBody)))
            }
        } catch {
            if pipe.cancellation.isCancelled, (error as? CurlError)?.isAbortedByCallback ?? true {
                if streaming { pipe.finish(CancellationError()) } else { continuation.resume(throwing: CancellationError()) }
            } else if let curl = error as? CurlError {
                // Before the head: an S3Failure, which `retrying` may try again. Mid-body: the port's
                // error, for the reader (a body already partly read cannot be retried).
                let failure = S3Failure(curl: curl, operation: request.operation, store: target)
                if streaming { pipe.finish(failure.error) } else { continuation.resume(throwing: failure) }
            } else {
                if streaming { pipe.finish(error) } else { continuation.resume(throwing: error) }
            }
        }
    }

    // MARK: Handle set-up

    /// Method, URL, signing, headers, body and time-outs of `request` on a freshly reset handle.
    func prepare(_ easy: CurlEasy, for request: S3Request) throws(CurlError) {
        try easy.set(.url, request.url)
        try easy.set(.protocols, "http,https")
        try easy.set(.awsSigV4, "aws:amz:\(configuration.region):s3")
        try easy.set(.username, configuration.accessKey)
        try easy.set(.password, configuration.secretKey)
        try easy.set(.connectTimeoutMilliseconds, Self.milliseconds(configuration.connectTimeout))
        try easy.set(.lowSpeedLimit, 1)
        try easy.set(.lowSpeedTime, max(1, Int(configuration.idleTimeout.components.seconds)))
        try easy.set(.tcpKeepAlive, true)

        // libcurl 7.88 signs every header in this list, so it must hold only headers that are really
        // sent: no "Expect:" to suppress libcurl's own 100-continue (that line is signed but not sent,
        // and the signature no longer matches). libcurl adds Expect itself, unsigned, which S3 accepts.
        let headers = CurlHeaderList()
        headers.append("x-amz-content-sha256", request.payloadHash)
        for header in request.headers { headers.append(header.name, header.value) }

        switch request.method {
        case .get:
            break
        case .head:
            try easy.set(.noBody, true)
        case .delete:
            try easy.set(.customRequest, "DELETE")
        case .put, .post:
            // Both send their body through the read handler with a known Content-Length (even 0,
            // which S3 wants on a bodiless POST).
            let body = request.body ?? Data()
            try easy.set(.upload, true)
            try easy.set(.inFileSize, Int64(body.count))
            try easy.set(.uploadBufferSize, 256 * 1024)
            if request.method == .post { try easy.set(.customRequest, "POST") }
            var offset = 0
            easy.onRead { buffer in
                let count = min(buffer.count, body.count - offset)
                guard count > 0 else { return 0 }
                body.withUnsafeBytes { source in
                    buffer.baseAddress!.copyMemory(from: source.baseAddress! + offset, byteCount: count)
                }
                offset += count
                return count
            }
        }
        try easy.setHeaders(headers)
    }

    private static func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return max(1, Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000))
    }
}
