import Domain
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An open file descriptor, closed when the last reference goes away (so a stream that is dropped
/// half-read does not leak it). Every method blocks: call them through `BlockingIO`.
final class FileDescriptor: Sendable {
    let raw: Int32

    init(_ raw: Int32) {
        precondition(raw >= 0)
        self.raw = raw
    }

    deinit { close(raw) }

    /// Opens `name` relative to `directory` without ever following a symbolic link in its last
    /// component; `nil` when it does not exist.
    static func open(_ name: String, in directory: FileDescriptor, flags: Int32, mode: mode_t = 0o600,
                     describing what: @autoclosure () -> String) throws(FileStoreError) -> FileDescriptor? {
        let fd = retryingInterrupts { openat(directory.raw, name, flags | O_NOFOLLOW | O_CLOEXEC, mode) }
        guard fd >= 0 else {
            let code = errno
            if code == ENOENT { return nil }
            throw SystemError.failure(code, what())
        }
        return FileDescriptor(fd)
    }

    /// Writes all of `data`, resuming after partial writes and interrupts.
    func write(_ data: Data, describing what: @autoclosure () -> String) throws(FileStoreError) {
        var failure: Int32?
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(raw, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += written
            }
        }
        if let failure { throw SystemError.failure(failure, what()) }
    }

    /// Reads up to `count` bytes at `offset`; fewer only at the end of the file.
    func read(at offset: Int64, count: Int, describing what: @autoclosure () -> String) throws(FileStoreError) -> Data {
        var data = Data(count: count)
        var failure: Int32?
        let filled = data.withUnsafeMutableBytes { (buffer: UnsafeMutableRawBufferPointer) -> Int in
            var filled = 0
            while filled < count {
                let got = pread(raw, buffer.baseAddress! + filled, count - filled, off_t(offset) + off_t(filled))
                if got < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return filled
                }
                if got == 0 { break }
                filled += got
            }
            return filled
        }
        if let failure { throw SystemError.failure(failure, what()) }
        if filled < count { data.removeSubrange(filled...) }
        return data
    }

    /// Flushes the file (or, for a directory, its entries) to stable storage.
    func sync(describing what: @autoclosure () -> String) throws(FileStoreError) {
        guard retryingInterrupts({ fsync(raw) }) == 0 else { throw SystemError.failure(errno, what()) }
    }

    /// `stat` of the open file.
    func status(describing what: @autoclosure () -> String) throws(FileStoreError) -> stat {
        var info = stat()
        guard fstat(raw, &info) == 0 else { throw SystemError.failure(errno, what()) }
        return info
    }

    /// Fails unless this is a regular file: a FIFO, device or directory planted in the store is never read.
    func requireRegularFile(describing what: @autoclosure () -> String) throws(FileStoreError) -> stat {
        let info = try status(describing: what())
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw .unavailable(reason: "\(what()): not a regular file; refusing to use it")
        }
        return info
    }
}

/// `write(2)`, named apart from `FileDescriptor.write`.
private func systemWrite(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, bytes, count)
}

/// Calls `call` again while it fails with `EINTR`.
func retryingInterrupts(_ call: () -> Int32) -> Int32 {
    while true {
        let result = call()
        if result >= 0 || errno != EINTR { return result }
    }
}
