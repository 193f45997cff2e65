import Domain
import Foundation
import Synchronization

/// Cheap, checkable content of any size: a random 1 MiB block repeated, with a tail. Produced chunk
/// by chunk, and verified chunk by chunk against the position it should come from.
struct RepeatingContent: Sendable {
    let count: Int
    private let block: Data

    init(count: Int) {
        self.count = count
        // Eight bytes per step of a seeded generator: a byte-by-byte `UInt8.random` with the system
        // generator took about a second of a pool thread per instance in debug builds.
        var generator = SplitMix64(seed: UInt64.random(in: 0...UInt64.max))
        var block = Data(count: 1 << 20)
        block.withUnsafeMutableBytes { buffer in
            let words = buffer.bindMemory(to: UInt64.self)
            for index in words.indices { words[index] = generator.next() }
        }
        self.block = block
    }

    /// The content in chunks of `chunkSize` (each made when asked for).
    func stream(chunkSize: Int = 256 * 1024) -> ByteStream {
        let content = self
        let cursor = Mutex(0)
        return ByteStream(AsyncThrowingStream {
            cursor.withLock { offset -> Data? in
                guard offset < content.count else { return nil }
                let length = min(chunkSize, content.count - offset)
                defer { offset += length }
                return content.bytes(at: offset, length: length)
            }
        })
    }

    func bytes(at offset: Int, length: Int) -> Data {
        var data = Data(capacity: length)
        var position = offset
        while position < offset + length {
            let start = position % block.count
            let take = min(block.count - start, offset + length - position)
            data.append(block[start..<(start + take)])
            position += take
        }
        return data
    }

    /// Reads `body` to its end; true if it is exactly this content.
    func matches(_ body: ByteStream) async throws -> Bool {
        var offset = 0
        for try await chunk in body {
            guard offset + chunk.count <= count, chunk == bytes(at: offset, length: chunk.count) else { return false }
            offset += chunk.count
        }
        return offset == count
    }
}
