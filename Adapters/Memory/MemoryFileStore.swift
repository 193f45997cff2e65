import Domain
import Foundation
import Synchronization

/// The file store in memory: an actor holding whole objects. Bodies stream in and out in chunks as the
/// port requires, but the objects themselves live in memory, so it is for tests and demos.
///
/// A `put` collects its body first and replaces the object only once the body has ended, so readers see
/// the old or the new object and a failing body leaves the old one in place.
public actor MemoryFileStore: FileStore {
    private var objects: [FileKey: (file: StoredFile, data: Data)] = [:]
    private var outage: String?
    private let chunkSize: Int

    /// - Parameter chunkSize: size of the chunks `get` streams.
    public init(chunkSize: Int = 64 * 1024) {
        precondition(chunkSize > 0)
        self.chunkSize = chunkSize
    }

    @discardableResult
    public func put(_ key: FileKey, contentType: String, body: ByteStream) async throws -> StoredFile {
        try checkAvailable()
        var data = Data()
        // Actor reentrancy: other calls run while the body arrives; none sees this object until it is complete.
        for try await chunk in body { data.append(chunk) }
        // A cancelled consumer sees the stream end early: that must not commit a truncated object.
        try Task.checkCancellation()
        try checkAvailable()
        let file = StoredFile(key: key, size: Int64(data.count), contentType: contentType)
        objects[key] = (file, data)
        return file
    }

    public func get(_ key: FileKey) throws -> (StoredFile, ByteStream)? {
        try checkAvailable()
        guard let object = objects[key] else { return nil }
        return (object.file, Self.stream(object.data, chunkSize: chunkSize))
    }

    public func head(_ key: FileKey) throws -> StoredFile? {
        try checkAvailable()
        return objects[key]?.file
    }

    public func delete(_ key: FileKey) throws {
        try checkAvailable()
        objects[key] = nil
    }

    /// Makes every later operation throw `FileStoreError.unavailable(reason:)` as a store that is down
    /// would; `nil` brings it back.
    /// Every stored key, sorted: lets tests prove that nothing was left behind.
    public var keys: [FileKey] { objects.keys.sorted { $0.value < $1.value } }

    public func simulateOutage(reason: String? = "memory file store is switched off") {
        outage = reason
    }

    /// Streams `data` one chunk per request, copying a chunk only when the reader asks for it.
    private static func stream(_ data: Data, chunkSize: Int) -> ByteStream {
        let offset = Mutex(0)
        return ByteStream(AsyncThrowingStream(unfolding: {
            offset.withLock { offset -> Data? in
                guard offset < data.count else { return nil }
                let end = min(offset + chunkSize, data.count)
                defer { offset = end }
                return data.subdata(in: (data.startIndex + offset)..<(data.startIndex + end))
            }
        }))
    }

    private func checkAvailable() throws(FileStoreError) {
        if let outage { throw .unavailable(reason: outage) }
    }
}
