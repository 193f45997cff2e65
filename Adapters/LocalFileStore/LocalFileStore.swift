import Dispatch
import Domain
import Foundation

/// The file store on a local disk: each object is a data file plus a JSON metadata sidecar under one
/// root directory (layout in `ObjectPath` and `RootDirectory`).
///
/// - `put` streams the body into a staging file in the root, syncs it, writes and syncs the sidecar,
///   then renames data and sidecar into place and syncs the directory: the object is durable when
///   `put` returns, and readers see the old or the new version, never a mix. A body that fails (its
///   error is rethrown unchanged) or a cancelled put leaves the previous state and no staged files.
/// - `get` opens the current version and streams it in chunks; an overwrite or delete while it is
///   read does not disturb it.
/// - No path is ever resolved through a symbolic link below the root, so nothing planted in the root
///   can make the store read or write outside it.
/// - Blocking calls run on a few dedicated threads, never on Swift's cooperative pool.
/// - Every file-system failure is `FileStoreError.unavailable` with the reason.
///
/// Several processes may share a root: commits are serialised with a lock file. A crash can leave
/// files in `@staging` (or a data file no sidecar names); they are never read and may be removed
/// while no store is writing.
public final class LocalFileStore: FileStore {
    /// The directory holding the objects.
    public let rootURL: URL
    private let root: RootDirectory
    private let io: BlockingIO
    /// Commits and deletes run one at a time per store (and under the root's lock across stores).
    private let commits: DispatchQueue
    private let readChunkSize: Int
    private let writeBufferSize: Int

    /// Opens the store at `root`, creating the directory if needed. Blocks briefly on the file
    /// system, so call it while starting up.
    /// - Parameters:
    ///   - ioWidth: how many blocking file-system calls may run at once.
    ///   - readChunkSize: size of the chunks `get` streams.
    ///   - writeBufferSize: how much of a body is gathered before one write.
    public init(root: URL, ioWidth: Int = 4, readChunkSize: Int = 64 * 1024, writeBufferSize: Int = 256 * 1024) throws {
        precondition(ioWidth > 0 && readChunkSize > 0 && writeBufferSize > 0)
        rootURL = root
        self.root = try RootDirectory(path: root.path)
        io = BlockingIO(label: "LocalFileStore.io", width: ioWidth)
        commits = DispatchQueue(label: "LocalFileStore.commits", qos: .utility)
        self.readChunkSize = readChunkSize
        self.writeBufferSize = writeBufferSize
    }

    @discardableResult
    public func put(_ key: FileKey, contentType: String, body: ByteStream) async throws -> StoredFile {
        let object = ObjectPath(key)
        let version = UUID().uuidString.lowercased()
        let stagedData = version + ".data"
        let stagedMetadata = version + ".meta"
        let root = root
        let file = try await io.run { try root.createStagingFile(named: stagedData) }
        do {
            var size: Int64 = 0
            var buffer = Data()
            buffer.reserveCapacity(writeBufferSize)
            for try await chunk in body {
                buffer.append(chunk)
                size += Int64(chunk.count)
                if buffer.count >= writeBufferSize {
                    let full = buffer
                    try await io.run { try file.write(full, describing: "write the data of \(object)") }
                    buffer.removeAll(keepingCapacity: true)
                }
            }
            // A cancelled task sees the body end early; that must not become a truncated object.
            try Task.checkCancellation()
            let rest = buffer
            try await io.run {
                try file.write(rest, describing: "write the data of \(object)")
                try file.sync(describing: "sync the data of \(object)")
            }
            let metadata = ObjectMetadata(version: version, contentType: contentType, size: size)
            let encoded = try metadata.encoded()
            try await io.run { try root.writeStagingFile(named: stagedMetadata, contents: encoded) }
            try await BlockingIO.run(on: commits) {
                try root.commit(object, stagedData: stagedData, stagedMetadata: stagedMetadata, metadata: metadata)
            }
            return StoredFile(key: key, size: size, contentType: contentType)
        } catch {
            _ = try? await io.run { root.discardStagingFiles(named: [stagedData, stagedMetadata]) }
            throw error
        }
    }

    public func get(_ key: FileKey) async throws -> (StoredFile, ByteStream)? {
        let object = ObjectPath(key)
        let root = root
        guard let (metadata, file) = try await io.run({ try root.open(object) }) else { return nil }
        let reader = LocalFileReader(file: file, size: metadata.size, object: object.description, io: io, chunkSize: readChunkSize)
        return (StoredFile(key: key, size: metadata.size, contentType: metadata.contentType), reader.stream())
    }

    public func head(_ key: FileKey) async throws -> StoredFile? {
        let object = ObjectPath(key)
        let root = root
        guard let metadata = try await io.run({ try root.metadata(of: object) }) else { return nil }
        return StoredFile(key: key, size: metadata.size, contentType: metadata.contentType)
    }

    public func delete(_ key: FileKey) async throws {
        let object = ObjectPath(key)
        let root = root
        try await BlockingIO.run(on: commits) { try root.remove(object) }
    }
}
