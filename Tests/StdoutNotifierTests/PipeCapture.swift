import Dispatch
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A pipe whose read end is drained continuously on a thread of its own (so writers never block on a
/// full pipe), like a log pipeline behind a process's standard output. `contents()` also takes what
/// is still in the pipe, so it includes every write that has returned.
final class PipeCapture: Sendable {
    let writeEnd: Int32
    private let readEnd: Int32
    private let received = Mutex((data: Data(), ended: false))
    private let finished: DispatchSemaphore

    init() throws {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        (readEnd, writeEnd) = (ends[0], ends[1])
        _ = fcntl(readEnd, F_SETFL, fcntl(readEnd, F_GETFL) | O_NONBLOCK)
        let finished = DispatchSemaphore(value: 0)
        self.finished = finished
        DispatchQueue(label: "PipeCapture.drain").async { [self] in
            var descriptor = pollfd(fd: readEnd, events: Int16(POLLIN), revents: 0)
            while !drainAvailable() {
                _ = poll(&descriptor, 1, -1)
            }
            finished.signal()
        }
    }

    /// Everything written so far.
    func contents() -> Data {
        _ = drainAvailable()
        return received.withLock { $0.data }
    }

    /// Closes the write end, waits for the drain to see the end, then closes the read end.
    func close() {
        closeDescriptor(writeEnd)
        finished.wait()
        closeDescriptor(readEnd)
    }

    /// Reads what the pipe holds now; `true` once the pipe has ended (every write end closed).
    private func drainAvailable() -> Bool {
        received.withLock { state in
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while !state.ended {
                let count = read(readEnd, &buffer, buffer.count)
                if count > 0 {
                    state.data.append(contentsOf: buffer[0..<count])
                } else if count == 0 {
                    state.ended = true
                } else if errno != EINTR {
                    break  // EAGAIN: empty for now
                }
            }
            return state.ended
        }
    }
}

/// `close(2)`, named apart from `PipeCapture.close`.
private func closeDescriptor(_ fd: Int32) {
    _ = close(fd)
}
