@testable import API
import Foundation
import NIOCore
import Testing

/// The streaming multipart parser, fed in chunks of every awkward size so that delimiters and header
/// separators fall across chunk boundaries.
@Suite struct MultipartReaderTests {
    static let boundary = "XyZ-42"
    static let file = Data((0..<50_000).map { UInt8(truncatingIfNeeded: $0 &* 13) }) + Data("\r\n--XyZ-4".utf8) + Data([0xFF])
    static var body: Data {
        var body = Data("preamble to ignore\r\n--XyZ-42\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhello\r\n".utf8)
        body += Data("--XyZ-42\r\ncontent-disposition: form-data; name=\"file\"; filename=\"a \\\"b\\\".png\"; filename*=UTF-8''na%C3%AFve.png\r\n".utf8)
        body += Data("Content-Type: image/png\r\n\r\n".utf8) + file + Data("\r\n--XyZ-42--\r\nepilogue".utf8)
        return body
    }

    static func chunks(_ data: Data, size: Int) -> AsyncStream<ByteBuffer> {
        AsyncStream { continuation in
            var offset = 0
            while offset < data.count {
                let end = min(offset + size, data.count)
                continuation.yield(ByteBuffer(bytes: data[offset..<end]))
                offset = end
            }
            continuation.finish()
        }
    }

    @Test(arguments: [1, 2, 7, 11, 64, 4096, 1 << 20])
    func readsPartsWhateverTheChunking(_ size: Int) async throws {
        let reader = MultipartReader(body: Self.chunks(Self.body, size: size), boundary: Self.boundary)
        let note = try #require(try await reader.nextPart(), "first part (chunks of \(size))")
        #expect(note == MultipartPart(name: "note", filename: nil, contentType: nil))
        // The note's content is skipped by asking for the next part.
        let file = try #require(try await reader.nextPart(), "second part (chunks of \(size))")
        #expect(file == MultipartPart(name: "file", filename: "naïve.png", contentType: "image/png"), "filename* wins over filename")
        var content = Data()
        var largest = 0
        while let chunk = try await reader.nextChunk() {
            content += chunk
            largest = max(largest, chunk.count)
        }
        #expect(content == Self.file, "file content with a near-delimiter inside (chunks of \(size))")
        #expect(largest <= max(size, 64) + 64, "a chunk out is never much more than a chunk in (got \(largest) for \(size))")
        #expect(try await reader.nextPart() == nil, "no part after the closing delimiter")
    }

    @Test func aBodyThatEndsInsideAPartIsMalformed() async throws {
        let truncated = Self.body.prefix(Self.body.count - 30)
        let reader = MultipartReader(body: Self.chunks(Data(truncated), size: 1000), boundary: Self.boundary)
        _ = try await reader.nextPart()
        _ = try await reader.nextPart()
        await #expect(throws: MultipartError.self, "reading a part whose closing delimiter never comes") {
            while try await reader.nextChunk() != nil {}
        }
    }

    @Test(arguments: [
        ("multipart/form-data; boundary=abc", "abc"),
        ("Multipart/Form-Data; charset=utf-8; boundary=\"a b;c\"", "a b;c"),
    ])
    func boundaryComesFromTheContentType(_ header: String, _ boundary: String) {
        #expect(HeaderParameters.formDataBoundary(header) == boundary, "\(header)")
    }

    @Test(arguments: ["application/json", "multipart/form-data", "multipart/mixed; boundary=x", "multipart/form-data; boundary="])
    func otherContentTypesHaveNoBoundary(_ header: String) {
        #expect(HeaderParameters.formDataBoundary(header) == nil, "\(header)")
    }
}
