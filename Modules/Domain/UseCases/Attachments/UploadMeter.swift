import Foundation

/// Pulls an upload's chunks one at a time (so the producer is never ahead of the store: back-pressure),
/// remembering the first bytes for type detection.
final class UploadReader: @unchecked Sendable {
    // Accessed by one consumer at a time: the use case, then the file store pulling `meter.stream`.
    private var iterator: ByteStream.AsyncIterator
    private var buffered = Data()

    init(_ body: ByteStream) { iterator = body.makeAsyncIterator() }

    /// At least `count` leading bytes, or all of them when the body is shorter; they stay to be streamed.
    func readPrefix(_ count: Int) async throws -> Data {
        while buffered.count < count, let chunk = try await iterator.next() { buffered.append(chunk) }
        return buffered
    }

    fileprivate func next() async throws -> Data? {
        if !buffered.isEmpty {
            defer { buffered = Data() }
            return buffered
        }
        return try await iterator.next()
    }

    /// The rest of the body (prefix included) as a metered stream.
    func meter(limit: Int64, checksText: Bool) -> UploadMeter { UploadMeter(reader: self, limit: limit, checksText: checksText) }
}

/// Counts, hashes and limits bytes as the file store pulls them. Exceeding the limit ends the stream with
/// an error, so the store stops writing after at most one chunk past the limit.
final class UploadMeter: @unchecked Sendable {
    enum Failure: Error { case tooLarge, notText, body(any Error) }

    // Mutated only inside `pull`, which the stream's single consumer calls serially.
    private let reader: UploadReader
    private let limit: Int64
    private let checksText: Bool
    private var hasher = SHA256()
    private var text = UTF8Validator()
    private var size: Int64 = 0
    private(set) var failure: Failure?

    init(reader: UploadReader, limit: Int64, checksText: Bool) {
        self.reader = reader
        self.limit = limit
        self.checksText = checksText
    }

    var stream: ByteStream {
        ByteStream(AsyncThrowingStream(unfolding: { [self] in try await pull() }))
    }

    var summary: (size: Int64, sha256: String) { (size, hasher.hexDigest()) }

    private func pull() async throws -> Data? {
        let chunk: Data?
        do {
            chunk = try await reader.next()
        } catch {
            failure = .body(error)
            throw error
        }
        guard let chunk else {
            if checksText, !text.isComplete { failure = .notText; throw Failure.notText }
            return nil
        }
        size += Int64(chunk.count)
        if size > limit { failure = .tooLarge; throw Failure.tooLarge }
        if checksText, !chunk.withUnsafeBytes({ text.feed($0) }) { failure = .notText; throw Failure.notText }
        hasher.update(chunk)
        return chunk
    }
}
