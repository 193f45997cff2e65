import Domain
#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Synchronization

/// Cheap, checkable content of any size: a random 1 MiB block repeated, with a tail. Produced chunk
/// by chunk, and verified chunk by chunk against the position it should come from.
struct RepeatingContent: Sendable {
    let count: Int
    private let block: Data

    init(count: Int) {
        self.count = count
        var generator = SystemRandomNumberGenerator()
        block = Data((0..<(1 << 20)).map { _ in UInt8.random(in: 0...255, using: &generator) })
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

/// Resident memory (VmRSS) of this process while something runs, to see how much a transfer holds.
///
/// glibc keeps freed blocks of up to 32 MiB for reuse once it has seen one freed (its mmap threshold
/// adapts), so RSS would show what the allocator kept, not what is held. `measureLiveMemory()` fixes
/// the threshold at 256 KiB: large buffers are then mapped and unmapped, and RSS follows them.
enum ProcessMemory {
    struct Sample: Sendable {
        var resident: Int

        static func now() -> Sample { Sample(resident: residentBytes()) }

        func highest(_ other: Sample) -> Sample { Sample(resident: max(resident, other.resident)) }
    }

    /// Calls `mallopt(M_MMAP_THRESHOLD, 256 KiB)` (malloc.h is not part of Swift's Glibc module).
    static func measureLiveMemory() {
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        let mMmapThreshold: Int32 = -3
        _ = unsafeBitCast(symbol, to: Mallopt.self)(mMmapThreshold, 256 * 1024)
    }

    static func residentBytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
              let kilobytes = line.split(separator: " ").dropFirst().first.flatMap({ Int($0) })
        else { return 0 }
        return kilobytes * 1024
    }

    /// Runs `body` while sampling every 10 ms; returns its result and the highest samples.
    static func peak<T: Sendable>(during body: () async throws -> T) async throws -> (T, Sample) {
        let sampler = Task.detached {
            var highest = Sample.now()
            while !Task.isCancelled {
                highest = highest.highest(.now())
                try? await Task.sleep(for: .milliseconds(10))
            }
            return highest.highest(.now())
        }
        do {
            let result = try await body()
            sampler.cancel()
            return (result, await sampler.value)
        } catch {
            sampler.cancel()
            throw error
        }
    }
}
