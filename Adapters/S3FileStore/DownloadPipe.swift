import CurlSupport
import Domain
import Foundation

/// A bounded buffer between a download's worker thread (which blocks in `push` while the buffer is
/// full) and the async reader of its body stream (which suspends in `next` while it is empty).
///
/// The reader going away — its task cancelled, or the stream dropped — cancels the transfer; a reader
/// that takes nothing for `stallTimeout` is taken to be gone too, and the stream then ends with an
/// error. The stream never ends cleanly unless the whole body arrived.
final class DownloadPipe: @unchecked Sendable {
    /// Set when the reader is gone; the transfer watches it (`CurlEasy.abort(when:)`).
    let cancellation = CurlCancellation()
    private let capacity: Int
    private let stallTimeout: TimeInterval
    private let operation: String

    // Guarded by `condition`.
    private let condition = NSCondition()
    private var chunks: [Data] = []
    private var buffered = 0
    private var end: Result<Void, any Error>?
    private var readerGone = false
    private var waiting: CheckedContinuation<Data?, any Error>?

    init(capacity: Int, stallTimeout: Duration, operation: String) {
        self.capacity = capacity
        let (seconds, attoseconds) = stallTimeout.components
        self.stallTimeout = TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
        self.operation = operation
    }

    /// The body as a stream; dropping it (or cancelling the task reading it) cancels the transfer.
    func stream() -> ByteStream {
        let reader = Reader(pipe: self)
        return ByteStream(AsyncThrowingStream(unfolding: { try await reader.next() }))
    }

    // MARK: Worker side

    /// Hands a piece of the body to the reader, waiting while `capacity` bytes are already waiting.
    /// Returns `false` when the reader is gone (the transfer must stop).
    func push(_ bytes: UnsafeRawBufferPointer) -> Bool {
        let data = Data(bytes)
        condition.lock()
        let deadline = Date(timeIntervalSinceNow: stallTimeout)
        while buffered >= capacity, !readerGone {
            if !condition.wait(until: deadline) {
                end = .failure(FileStoreError.unavailable(
                    reason: "\(operation): the download was abandoned because its body was not read for \(Int(stallTimeout)) s"))
                readerGone = true
                condition.unlock()
                cancellation.cancel()
                return false
            }
        }
        guard !readerGone else {
            condition.unlock()
            return false
        }
        if let reader = waiting {
            waiting = nil
            condition.unlock()
            reader.resume(returning: data)
        } else {
            chunks.append(data)
            buffered += data.count
            condition.unlock()
        }
        return true
    }

    /// The transfer ended: cleanly with `nil`, otherwise with the error the reader gets after the
    /// bytes already buffered.
    func finish(_ error: (any Error)?) {
        condition.lock()
        guard end == nil else { return condition.unlock() }
        end = error.map { .failure($0) } ?? .success(())
        let reader = chunks.isEmpty ? waiting : nil
        if reader != nil { waiting = nil }
        let outcome = end!
        condition.unlock()
        reader?.resume(with: outcome.map { nil })
    }

    // MARK: Reader side

    /// The next piece of the body, `nil` at its end.
    func next() async throws -> Data? {
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Data?, any Error>) in
                condition.lock()
                if !chunks.isEmpty {
                    let chunk = chunks.removeFirst()
                    buffered -= chunk.count
                    condition.signal()
                    condition.unlock()
                    continuation.resume(returning: chunk)
                } else if let end {
                    // Report a failure once; afterwards the stream is simply over.
                    if case .failure = end { self.end = .success(()) }
                    condition.unlock()
                    continuation.resume(with: end.map { nil })
                } else if readerGone {
                    condition.unlock()
                    continuation.resume(throwing: CancellationError())
                } else {
                    waiting = continuation
                    condition.unlock()
                }
            }
        } onCancel: {
            self.readerLeft()
        }
    }

    /// The reader stopped reading (cancelled, or dropped the stream): wake everyone and stop the transfer.
    func readerLeft() {
        condition.lock()
        readerGone = true
        let reader = waiting
        waiting = nil
        condition.broadcast()
        condition.unlock()
        cancellation.cancel()
        reader?.resume(throwing: CancellationError())
    }

    /// Lives exactly as long as the body stream: when the stream is dropped, the transfer is stopped.
    private final class Reader: Sendable {
        let pipe: DownloadPipe
        init(pipe: DownloadPipe) { self.pipe = pipe }
        func next() async throws -> Data? { try await pipe.next() }
        deinit { pipe.readerLeft() }
    }
}
