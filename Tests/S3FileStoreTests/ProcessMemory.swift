#if canImport(Glibc)
import Glibc
#endif
import Foundation

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
