import Domain
import Foundation
import Synchronization

/// Deterministic pseudo-random content: the same seed and count always give the same bytes, so the
/// contract can send an object of any size and verify it again later without keeping it anywhere.
struct ContractBytes: Sendable, CustomStringConvertible {
    let seed: UInt64
    let count: Int

    init(seed: UInt64, count: Int) {
        precondition(count >= 0)
        self.seed = seed
        self.count = count
    }

    /// Irregular chunk sizes (including empty and one-byte chunks), so that no adapter can rely on a
    /// particular chunking of the bodies it receives.
    static let chunkPattern = [65_536, 1, 0, 4_093, 131_072, 777, 65_535]

    var description: String { "\(count) bytes of seed \(seed)" }

    /// The bytes at `offset ..< offset + length`: byte `i` is byte `i % 8` of a SplitMix64 value of
    /// word `i / 8`, so any range can be produced on its own.
    func bytes(at offset: Int, length: Int) -> Data {
        precondition(offset >= 0 && length >= 0 && offset + length <= count)
        var data = Data(count: length)
        data.withUnsafeMutableBytes { (buffer: UnsafeMutableRawBufferPointer) in
            var word: UInt64 = 0
            for i in 0..<length {
                let position = offset + i
                if i == 0 || position & 7 == 0 {
                    word = Self.splitMix(seed &+ UInt64(position >> 3) &* 0x9E37_79B9_7F4A_7C15)
                }
                buffer[i] = UInt8(truncatingIfNeeded: word >> (UInt64(position & 7) * 8))
            }
        }
        return data
    }

    /// The whole content in memory: only for small objects.
    func data() -> Data { bytes(at: 0, length: count) }

    /// The checksum of the whole content, produced chunk by chunk without keeping it.
    func checksum() -> StreamChecksum {
        var sum = StreamChecksum()
        var offset = 0
        while offset < count {
            let length = min(1 << 20, count - offset)
            sum.add(bytes(at: offset, length: length))
            offset += length
        }
        return sum
    }

    /// The content as a body stream produced on demand (each chunk is made when the store asks for it).
    /// With `failingAfter`, the stream throws `ContractBodyFailure` once that many bytes were yielded.
    func stream(failingAfter limit: Int? = nil) -> ByteStream {
        let cursor = Mutex((offset: 0, chunk: 0))
        let content = self
        return ByteStream(AsyncThrowingStream(unfolding: {
            try cursor.withLock { state -> Data? in
                if let limit, state.offset >= limit { throw ContractBodyFailure(afterBytes: state.offset) }
                guard state.offset < content.count else { return nil }
                var length = Self.chunkPattern[state.chunk % Self.chunkPattern.count]
                length = min(length, content.count - state.offset)
                if let limit { length = min(length, limit - state.offset) }
                let chunk = content.bytes(at: state.offset, length: length)
                state.offset += length
                state.chunk += 1
                return chunk
            }
        }))
    }

    private static func splitMix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The error a deliberately failing body stream throws.
struct ContractBodyFailure: Error, Sendable, CustomStringConvertible {
    let afterBytes: Int
    var description: String { "the body stream failed on purpose after \(afterBytes) bytes" }
}
