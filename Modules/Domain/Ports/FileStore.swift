import Foundation

/// Metadata of a stored object.
public struct StoredFile: Sendable, Equatable {
    public let key: FileKey
    public let size: Int64
    public let contentType: String

    public init(key: FileKey, size: Int64, contentType: String) {
        self.key = key
        self.size = size
        self.contentType = contentType
    }
}

/// An object key: 1–512 characters of `[A-Za-z0-9._-]` in `/`-separated segments, no empty,
/// `.` or `..` segment, not starting with `/`. Anything else is refused before it reaches a store,
/// so a key can never escape a store's root.
public struct FileKey: Sendable, Hashable, CustomStringConvertible {
    public let value: String

    public init(_ value: String) throws(DomainError) {
        guard !value.isEmpty, value.utf8.count <= 512 else { throw .invalid("key", "must be 1 to 512 characters") }
        let segments = value.split(separator: "/", omittingEmptySubsequences: false)
        for segment in segments {
            guard !segment.isEmpty, segment != ".", segment != ".." else {
                throw .invalid("key", "must not contain empty, '.' or '..' segments")
            }
            guard segment.unicodeScalars.allSatisfy(FileKey.isAllowed) else {
                throw .invalid("key", "may only contain letters, digits, '.', '_', '-' and '/'")
            }
        }
        self.value = value
    }

    private static func isAllowed(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "a"..."z", "A"..."Z", "0"..."9", ".", "_", "-": true
        default: false
        }
    }

    public var description: String { value }
}

/// Bytes arriving in chunks, so that large objects never sit whole in memory.
public struct ByteStream: AsyncSequence, Sendable {
    public typealias Element = Data
    private let stream: AsyncThrowingStream<Data, any Error>

    public init(_ stream: AsyncThrowingStream<Data, any Error>) { self.stream = stream }

    /// A stream of one in-memory buffer, cut into chunks of `chunkSize`.
    public static func bytes(_ data: Data, chunkSize: Int = 64 * 1024) -> ByteStream {
        ByteStream(AsyncThrowingStream { continuation in
            var offset = 0
            while offset < data.count {
                let end = Swift.min(offset + chunkSize, data.count)
                continuation.yield(data.subdata(in: offset..<end))
                offset = end
            }
            continuation.finish()
        })
    }

    public func makeAsyncIterator() -> AsyncThrowingStream<Data, any Error>.AsyncIterator { stream.makeAsyncIterator() }

    /// Reads everything into memory: only for small objects and tests.
    public func collect(limit: Int = .max) async throws -> Data {
        var all = Data()
        for try await chunk in self {
            all.append(chunk)
            if all.count > limit { throw DomainError.invalid("body", "is larger than \(limit) bytes") }
        }
        return all
    }
}

/// Failures of a file store other than "not found" (which `head` and `get` report as `nil`).
public enum FileStoreError: Error, Sendable, Equatable {
    /// Credentials were refused by the store.
    case unauthorized(reason: String)
    /// The store is down or failing; retrying later may work.
    case unavailable(reason: String)
}

/// The file-store port: opaque keys to byte objects with a content type.
///
/// Rules: `put` replaces an existing object atomically (readers see the old or the new object,
/// never a mix) and returns once it is durable; `get` and `head` return `nil` for a missing key and
/// throw only for failures; `delete` of a missing key succeeds. Bodies stream: adapters never need the
/// whole object in memory.
public protocol FileStore: Sendable {
    @discardableResult
    func put(_ key: FileKey, contentType: String, body: ByteStream) async throws -> StoredFile
    func get(_ key: FileKey) async throws -> (StoredFile, ByteStream)?
    func head(_ key: FileKey) async throws -> StoredFile?
    func delete(_ key: FileKey) async throws
}
