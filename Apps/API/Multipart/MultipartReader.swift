import Foundation
import NIOCore

/// Reads a `multipart/form-data` body (RFC 7578) part by part as it arrives, never holding more than one
/// network chunk plus a boundary's length: a part's content is handed out chunk by chunk, so a 100 MB file
/// flows through in constant memory. Pull-based, so the sender is slowed down to the consumer's pace.
///
/// Use: `nextPart()` returns each part's headers; then `nextChunk()` yields its content until `nil`;
/// `nextPart()` skips whatever of the current part was not read.
final class MultipartReader<Body: AsyncSequence & Sendable>: @unchecked Sendable where Body.Element == ByteBuffer {
    // One consumer at a time (the route, then the stream it hands to the use case): not shared concurrently.
    private var source: Body.AsyncIterator
    private var buffer = Data()
    private var sourceEnded = false
    private let delimiter: Data
    /// The preamble before the first delimiter is read (and dropped) like a part's content.
    private var state = State.content

    private enum State { case headers, content, betweenParts, finished }

    /// Largest header block of one part; more is a malformed body, not a reason to buffer.
    static var maximumHeaderBytes: Int { 16 * 1024 }

    init(body: Body, boundary: String) {
        source = body.makeAsyncIterator()
        delimiter = Data("\r\n--\(boundary)".utf8)
        // The first delimiter has no CRLF before it: pretend it had, so one search finds every delimiter.
        buffer = Data("\r\n".utf8)
    }

    /// The next part's headers, or `nil` after the closing delimiter.
    func nextPart() async throws -> MultipartPart? {
        while true {
            switch state {
            case .finished:
                return nil
            case .content:
                // Skip the preamble, or the rest of a part nobody read.
                while try await nextChunk() != nil {}
            case .betweenParts:
                try await fill(atLeast: 2)
                if buffer.starts(with: Data("--".utf8)) {
                    state = .finished
                    return nil
                }
                guard let lineEnd = try await find(Data("\r\n".utf8), within: 256) else { throw MultipartError.malformed("a delimiter line does not end") }
                buffer.removeSubrange(buffer.startIndex..<(lineEnd + 2))
                state = .headers
            case .headers:
                let separator = Data("\r\n\r\n".utf8)
                if buffer.starts(with: Data("\r\n".utf8)) {
                    // No headers at all.
                    buffer.removeSubrange(buffer.startIndex..<(buffer.startIndex + 2))
                    state = .content
                    return MultipartPart(headerBlock: "")
                }
                guard let end = try await find(separator, within: Self.maximumHeaderBytes) else {
                    throw MultipartError.malformed("a part's headers are missing or longer than \(Self.maximumHeaderBytes) bytes")
                }
                let block = String(decoding: buffer[buffer.startIndex..<end], as: UTF8.self)
                buffer.removeSubrange(buffer.startIndex..<(end + separator.count))
                state = .content
                return MultipartPart(headerBlock: block)
            }
        }
    }

    /// The next chunk of the current part's content, or `nil` at its end.
    func nextChunk() async throws -> Data? {
        guard state == .content else { return nil }
        while true {
            if let found = buffer.range(of: delimiter) {
                let chunk = Data(buffer[buffer.startIndex..<found.lowerBound])
                buffer.removeSubrange(buffer.startIndex..<found.upperBound)
                state = .betweenParts // so the next call reports the end
                return chunk.isEmpty ? nil : chunk
            }
            // Everything but a possible delimiter prefix at the end is content.
            let keep = delimiter.count - 1
            if buffer.count > keep {
                let cut = buffer.endIndex - keep
                let chunk = Data(buffer[buffer.startIndex..<cut])
                buffer.removeSubrange(buffer.startIndex..<cut)
                return chunk
            }
            guard try await readMore() else { throw MultipartError.malformed("the body ends inside a part (no closing delimiter)") }
        }
    }

    private func fill(atLeast count: Int) async throws {
        while buffer.count < count {
            guard try await readMore() else { throw MultipartError.malformed("the body ends early") }
        }
    }

    /// The start index of `needle` in the buffer, reading more until it appears within `limit` bytes.
    private func find(_ needle: Data, within limit: Int) async throws -> Int? {
        while true {
            if let range = buffer.range(of: needle) { return range.lowerBound }
            if buffer.count > limit { return nil }
            guard try await readMore() else { return nil }
        }
    }

    private func readMore() async throws -> Bool {
        guard !sourceEnded, let next = try await source.next() else {
            sourceEnded = true
            return false
        }
        buffer.append(contentsOf: next.readableBytesView)
        return true
    }
}

/// A malformed multipart body: the request's fault (400).
struct MultipartError: Error, CustomStringConvertible {
    let reason: String
    static func malformed(_ reason: String) -> MultipartError { MultipartError(reason: reason) }
    var description: String { reason }
}
