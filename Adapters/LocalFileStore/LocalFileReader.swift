import Domain
import Foundation
import Synchronization

/// Streams one opened version of an object in chunks, each read on a `BlockingIO` lane when the
/// consumer asks for it (so a slow consumer never makes the store buffer the object). The descriptor
/// is closed once the stream is released, read to the end or not.
final class LocalFileReader: Sendable {
    private let file: FileDescriptor
    private let size: Int64
    private let object: String
    private let io: BlockingIO
    private let chunkSize: Int
    private let offset = Mutex<Int64>(0)

    init(file: FileDescriptor, size: Int64, object: String, io: BlockingIO, chunkSize: Int) {
        self.file = file
        self.size = size
        self.object = object
        self.io = io
        self.chunkSize = chunkSize
    }

    func stream() -> ByteStream {
        ByteStream(AsyncThrowingStream(unfolding: { try await self.next() }))
    }

    private func next() async throws -> Data? {
        let start = offset.withLock { $0 }
        guard start < size else { return nil }
        let length = Int(min(Int64(chunkSize), size - start))
        let (file, object) = (file, object)
        let chunk = try await io.run {
            try file.read(at: start, count: length, describing: "read the data of \(object)")
        }
        // Committed data files are never written again, so a short read means someone truncated it.
        guard chunk.count == length else {
            throw FileStoreError.unavailable(reason: "the data of \(object) ended after \(start + Int64(chunk.count)) of \(size) bytes")
        }
        offset.withLock { $0 = start + Int64(length) }
        return chunk
    }
}
