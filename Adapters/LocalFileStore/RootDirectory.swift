import Domain
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The store's root and every blocking file-system step of the store. All paths are resolved one
/// component at a time from the root's descriptor with `O_NOFOLLOW`, so a symbolic link planted
/// anywhere under the root is refused instead of followed out of it.
///
/// Layout: objects as described by `ObjectPath`; `@staging/` holds files being written (same file
/// system as the objects, so they can be renamed into place); `@lock` serialises commits across
/// processes sharing the root. Every method blocks: call them through `BlockingIO`.
final class RootDirectory: Sendable {
    let path: String
    private let root: FileDescriptor
    private let staging: FileDescriptor
    private let lock: FileDescriptor

    static let stagingName = "@staging"
    static let lockName = "@lock"
    /// Cap on a sidecar's size: a larger one is not ours.
    static let maximumMetadataSize = 64 * 1024

    /// Opens (creating if needed) the root directory and the store's own entries in it.
    init(path: String) throws(FileStoreError) {
        self.path = path
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw .unavailable(reason: "cannot create the file store root \(path): \(error.localizedDescription)")
        }
        // The root itself may be a symbolic link chosen by the operator; nothing below it may be.
        let rootFD = retryingInterrupts { openat(AT_FDCWD, path, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
        guard rootFD >= 0 else { throw SystemError.failure(errno, "open the file store root \(path)") }
        root = FileDescriptor(rootFD)
        if mkdirat(root.raw, Self.stagingName, 0o700) != 0, errno != EEXIST {
            throw SystemError.failure(errno, "create \(Self.stagingName) in \(path)")
        }
        guard let staging = try FileDescriptor.open(Self.stagingName, in: root, flags: O_RDONLY | O_DIRECTORY,
                                                    describing: "open \(Self.stagingName) in \(path)")
        else { throw .unavailable(reason: "\(Self.stagingName) in \(path) vanished while opening the store") }
        self.staging = staging
        guard let lock = try FileDescriptor.open(Self.lockName, in: root, flags: O_RDWR | O_CREAT,
                                                 describing: "open \(Self.lockName) in \(path)")
        else { throw .unavailable(reason: "\(Self.lockName) in \(path) vanished while opening the store") }
        _ = try lock.requireRegularFile(describing: "\(Self.lockName) in \(path)")
        self.lock = lock
    }

    /// Fails when the root directory was removed under the running store: every object is then gone
    /// at once, which is an outage to report, not a store full of missing keys.
    func checkAvailable() throws(FileStoreError) {
        let info = try root.status(describing: "stat the file store root \(path)")
        guard info.st_nlink > 0 else { throw .unavailable(reason: "the file store root \(path) was removed") }
    }

    // MARK: Reading

    /// The object's metadata, `nil` when the key has none.
    func metadata(of object: ObjectPath) throws(FileStoreError) -> ObjectMetadata? {
        try checkAvailable()
        guard let directory = try directories(of: object, create: false)?.last else { return nil }
        return try readMetadata(of: object, in: directory, tolerateCorruption: false)
    }

    /// The object's metadata and its data, opened; `nil` when the key has none. The open descriptor
    /// keeps this version readable even if it is overwritten or deleted while it is streamed.
    func open(_ object: ObjectPath) throws(FileStoreError) -> (ObjectMetadata, FileDescriptor)? {
        try checkAvailable()
        guard let directory = try directories(of: object, create: false)?.last else { return nil }
        // A concurrent put or delete may remove the data a sidecar named just after it was read: read again.
        for _ in 0..<16 {
            guard let metadata = try readMetadata(of: object, in: directory, tolerateCorruption: false) else { return nil }
            let name = object.dataName(version: metadata.version)
            guard let data = try FileDescriptor.open(name, in: directory, flags: O_RDONLY | O_NONBLOCK,
                                                     describing: "open the data of \(object)")
            else { continue }
            let info = try data.requireRegularFile(describing: "the data of \(object)")
            guard Int64(info.st_size) == metadata.size else {
                throw .unavailable(reason: "the data of \(object) has \(info.st_size) bytes but its metadata says \(metadata.size)")
            }
            return (metadata, data)
        }
        throw .unavailable(reason: "the data of \(object) is missing")
    }

    // MARK: Writing

    /// A new, empty file in `@staging`.
    func createStagingFile(named name: String) throws(FileStoreError) -> FileDescriptor {
        try checkAvailable()
        guard let file = try FileDescriptor.open(name, in: staging, flags: O_WRONLY | O_CREAT | O_EXCL,
                                                 describing: "create \(Self.stagingName)/\(name)")
        else { throw .unavailable(reason: "\(Self.stagingName) in \(path) was removed") }
        return file
    }

    /// Writes `contents` to a new durable file in `@staging`.
    func writeStagingFile(named name: String, contents: Data) throws(FileStoreError) {
        let file = try createStagingFile(named: name)
        try file.write(contents, describing: "write \(Self.stagingName)/\(name)")
        try file.sync(describing: "sync \(Self.stagingName)/\(name)")
    }

    /// Best-effort removal of staging files after a failed put.
    func discardStagingFiles(named names: [String]) {
        for name in names { _ = unlinkat(staging.raw, name, 0) }
    }

    /// Makes a staged object current: renames its data, then its sidecar (the atomic commit point)
    /// into place, syncs the directory, then removes the replaced version's data. Readers see the old
    /// sidecar or the new one, and either names data that exists.
    func commit(_ object: ObjectPath, stagedData: String, stagedMetadata: String, metadata: ObjectMetadata) throws(FileStoreError) {
        try checkAvailable()
        try exclusively { () throws(FileStoreError) in
            guard let directory = try directories(of: object, create: true)?.last else {
                throw .unavailable(reason: "the directory of \(object) could not be created")
            }
            let replaced = try readMetadata(of: object, in: directory, tolerateCorruption: true)
            let dataName = object.dataName(version: metadata.version)
            guard renameat(staging.raw, stagedData, directory.raw, dataName) == 0 else {
                throw SystemError.failure(errno, "move the data of \(object) into place")
            }
            guard renameat(staging.raw, stagedMetadata, directory.raw, object.metadataName) == 0 else {
                let failure = SystemError.failure(errno, "move the metadata of \(object) into place")
                _ = unlinkat(directory.raw, dataName, 0)
                throw failure
            }
            try directory.sync(describing: "sync the directory of \(object)")
            if let replaced, replaced.version != metadata.version {
                _ = unlinkat(directory.raw, object.dataName(version: replaced.version), 0)
            }
        }
    }

    /// Removes an object: its sidecar first (the commit point), then its data, then directories left
    /// empty. A missing object is fine.
    func remove(_ object: ObjectPath) throws(FileStoreError) {
        try checkAvailable()
        try exclusively { () throws(FileStoreError) in
            guard let chain = try directories(of: object, create: false), let directory = chain.last else { return }
            let current = try readMetadata(of: object, in: directory, tolerateCorruption: true)
            guard unlinkat(directory.raw, object.metadataName, 0) == 0 else {
                if errno == ENOENT { return }
                throw SystemError.failure(errno, "delete the metadata of \(object)")
            }
            try directory.sync(describing: "sync the directory of \(object)")
            if let current { _ = unlinkat(directory.raw, object.dataName(version: current.version), 0) }
            // Prune directories this left empty, innermost first; a non-empty one stops the walk.
            for depth in stride(from: object.directories.count, to: 0, by: -1) {
                guard unlinkat(chain[depth - 1].raw, object.directories[depth - 1], AT_REMOVEDIR) == 0 else { break }
            }
        }
    }

    // MARK: Helpers

    /// The root and each directory on the way to the object, opened without following links; `nil`
    /// (only without `create`) when one of them is missing.
    private func directories(of object: ObjectPath, create: Bool) throws(FileStoreError) -> [FileDescriptor]? {
        var chain = [root]
        for (depth, name) in object.directories.enumerated() {
            let parent = chain[depth]
            let what = "open directory '\(object.directories[...depth].joined(separator: "/"))' of \(object)"
            var next = try FileDescriptor.open(name, in: parent, flags: O_RDONLY | O_DIRECTORY, describing: what)
            if next == nil, create {
                guard mkdirat(parent.raw, name, 0o700) == 0 || errno == EEXIST else { throw SystemError.failure(errno, what) }
                try parent.sync(describing: "sync the parent of a new directory of \(object)")
                next = try FileDescriptor.open(name, in: parent, flags: O_RDONLY | O_DIRECTORY, describing: what)
            }
            guard let next else {
                if create { throw .unavailable(reason: "\(what): removed while it was being created") }
                return nil
            }
            chain.append(next)
        }
        return chain
    }

    private func readMetadata(of object: ObjectPath, in directory: FileDescriptor, tolerateCorruption: Bool) throws(FileStoreError) -> ObjectMetadata? {
        guard let file = try FileDescriptor.open(object.metadataName, in: directory, flags: O_RDONLY | O_NONBLOCK,
                                                 describing: "open the metadata of \(object)")
        else { return nil }
        _ = try file.requireRegularFile(describing: "the metadata of \(object)")
        let data = try file.read(at: 0, count: Self.maximumMetadataSize + 1, describing: "read the metadata of \(object)")
        if data.count <= Self.maximumMetadataSize, let metadata = ObjectMetadata.decode(data) { return metadata }
        // Overwriting or deleting a damaged object repairs it; reading one is an error, never a wrong answer.
        if tolerateCorruption { return nil }
        throw .unavailable(reason: "the metadata of \(object) is damaged")
    }

    /// Runs `body` holding the store's commit lock, shared by every process using this root.
    private func exclusively<T>(_ body: () throws(FileStoreError) -> T) throws(FileStoreError) -> T {
        guard retryingInterrupts({ flock(lock.raw, LOCK_EX) }) == 0 else {
            throw SystemError.failure(errno, "lock \(Self.lockName) in \(path)")
        }
        defer { _ = flock(lock.raw, LOCK_UN) }
        return try body()
    }
}
