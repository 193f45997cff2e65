import Domain
import Foundation

/// A byte count and a 64-bit FNV-1a hash, folded one chunk at a time, so that any object can be
/// verified without holding it in memory. Chunk boundaries do not change the result.
struct StreamChecksum: Sendable, Equatable, CustomStringConvertible {
    private(set) var count: Int64 = 0
    private(set) var hash: UInt64 = 0xCBF2_9CE4_8422_2325

    init() {}

    /// Reads `stream` to its end, folding every chunk in as it arrives.
    init(of stream: ByteStream) async throws {
        for try await chunk in stream { add(chunk) }
    }

    mutating func add(_ chunk: Data) {
        chunk.withUnsafeBytes { add($0) }
    }

    mutating func add(_ buffer: UnsafeRawBufferPointer) {
        var h = hash
        for byte in buffer {
            h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        hash = h
        count += Int64(buffer.count)
    }

    var description: String { "\(count) bytes, fnv1a64 \(String(hash, radix: 16))" }
}
