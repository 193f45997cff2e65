import Domain
import Foundation

/// Cuts a body stream into parts of exactly `partSize` bytes (the last one shorter), reading one
/// chunk ahead so that each part knows whether it is the last. Holds at most one part and one chunk
/// (plus the first part, once `fitsInOnePart()` has read it, until `next()` hands it over).
struct PartReader {
    struct Part: Sendable {
        let data: Data
        let isLast: Bool
    }

    private var iterator: ByteStream.AsyncIterator
    private var pending = Data()
    private var exhausted = false
    private var readAhead: Part?
    let partSize: Int

    init(_ body: ByteStream, partSize: Int) {
        precondition(partSize > 0)
        iterator = body.makeAsyncIterator()
        self.partSize = partSize
    }

    /// Reads the first part (kept for `next()`) and tells whether it is the whole body.
    mutating func fitsInOnePart() async throws -> Bool {
        let first = try await next()
        readAhead = first
        return first.isLast
    }

    /// The next part; on an empty body, an empty last part. Errors of the body are rethrown unchanged.
    mutating func next() async throws -> Part {
        if let part = readAhead {
            // Hand the part over without keeping a reference, so that it is freed once sent.
            readAhead = nil
            return part
        }
        var part = Data()
        while true {
            if !pending.isEmpty {
                let take = min(partSize - part.count, pending.count)
                if part.count + take > 1024 * 1024, part.count + take < partSize {
                    // A large body: grow once to the full part instead of doubling (each doubling
                    // briefly holds the old and the new buffer).
                    part.reserveCapacity(partSize)
                }
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
