import Domain
import Foundation

/// Cuts a body stream into parts of exactly `partSize` bytes (the last one shorter), reading one
/// chunk ahead so that each part knows whether it is the last. Holds at most one part and one chunk.
struct PartReader {
    struct Part: Sendable {
        let data: Data
        let isLast: Bool
    }

    private var iterator: ByteStream.AsyncIterator
    private var pending = Data()
    private var exhausted = false
    let partSize: Int

    init(_ body: ByteStream, partSize: Int) {
        precondition(partSize > 0)
        iterator = body.makeAsyncIterator()
        self.partSize = partSize
    }

    /// The next part; the first call on an empty body returns an empty last part. Errors of the
    /// body are rethrown unchanged.
    mutating func next() async throws -> Part {
        var part = Data()
        while true {
            if !pending.isEmpty {
                let take = min(partSize - part.count, pending.count)
                part.append(pending.prefix(take))
                pending = take == pending.count ? Data() : Data(pending.dropFirst(take))
            }
            if part.count == partSize { break }
            guard let chunk = try await nextChunk() else { break }
            pending = chunk
        }
        // Full part: look one non-empty chunk ahead to learn whether anything follows.
        if pending.isEmpty, !exhausted, let chunk = try await nextChunk() { pending = chunk }
        return Part(data: part, isLast: pending.isEmpty && exhausted)
    }

    private mutating func nextChunk() async throws -> Data? {
        while !exhausted {
            guard let chunk = try await iterator.next() else {
                exhausted = true
                return nil
            }
            if !chunk.isEmpty { return chunk }
        }
        return nil
    }
}
