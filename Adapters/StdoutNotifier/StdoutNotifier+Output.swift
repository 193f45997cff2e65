import Dispatch
import Domain
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension StdoutNotifier {
    /// A destination for lines, with its own serial queue: every line written through one `Output`
    /// goes out whole before the next starts, from any number of notifiers and tasks.
    public final class Output: Sendable {
        private let queue: DispatchQueue
        private let writeLine: @Sendable (Data) throws -> Void

        /// The process's standard output, shared by every notifier that uses it.
        public static let standardOutput = Output(fileDescriptor: STDOUT_FILENO, label: "standard output")

        /// Lines go to an open file descriptor (a file, a pipe, a terminal), which the caller keeps
        /// owning: the notifier never closes it.
        public convenience init(fileDescriptor: Int32) {
            self.init(fileDescriptor: fileDescriptor, label: "file descriptor \(fileDescriptor)")
        }

        /// Lines go to `writer`, one complete line (ending in `\n`) per call and never two calls at
        /// once. A `NotifierError` it throws is passed on; any other error counts as temporary.
        public init(writer: @escaping @Sendable (Data) throws -> Void) {
            queue = DispatchQueue(label: "StdoutNotifier.output", qos: .utility)
            writeLine = writer
        }

        private convenience init(fileDescriptor: Int32, label: String) {
            self.init { line in try Self.write(line, to: fileDescriptor, label: label) }
        }

        /// Hands `line` to the destination on this output's queue and suspends until it is done.
        func write(_ line: Data) async throws {
            let writeLine = writeLine
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                queue.async {
                    do {
                        try writeLine(line)
                        continuation.resume()
                    } catch let error as NotifierError {
                        continuation.resume(throwing: error)
                    } catch {
                        continuation.resume(throwing: NotifierError.temporary(reason: "writing a notification failed: \(error)"))
                    }
                }
            }
        }

        /// Writes all of `line` to `fd`, resuming after partial writes and interrupts and waiting
        /// out a full non-blocking pipe; a failure is a temporary delivery failure.
        private static func write(_ line: Data, to fd: Int32, label: String) throws(NotifierError) {
            var failure: Int32?
            line.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
                var offset = 0
                while offset < buffer.count {
                    let written = systemWrite(fd, buffer.baseAddress! + offset, buffer.count - offset)
                    if written >= 0 {
                        offset += written
                        continue
                    }
                    switch errno {
                    case EINTR:
                        continue
                    case EAGAIN, EWOULDBLOCK:
                        var ready = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
                        _ = poll(&ready, 1, -1)
                    case let code:
                        failure = code
                        return
                    }
                }
            }
            if let failure {
                throw .temporary(reason: "writing a notification to \(label) failed: \(String(cString: strerror(failure)))")
            }
        }
    }
}

/// `write(2)`, named apart from `Output.write`.
private func systemWrite(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, bytes, count)
}
