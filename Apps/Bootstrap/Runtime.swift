import BcryptPasswordHasher
import Domain
import Foundation
import InProcessTransport
import LocalFileStore
import Logging
import S3FileStore
import SQLiteStorage
import StdoutNotifier
import SystemClock

/// The composition root: settings in, one adapter per port out. The only library that knows adapters;
/// apps ask it for a `Runtime` and hand `dependencies` to the use cases.
public struct Runtime: Sendable {
    public let settings: Settings
    public let storage: any MigratableStorage
    public let files: any FileStore
    public let notifier: any Notifier
    public let transport: any Transport
    public let dependencies: Dependencies
    public let logger: Logger

    /// Opens every adapter the settings name. Failures are `RuntimeError`s with one readable line.
    public static func make(settings: Settings, logger: Logger) async throws(RuntimeError) -> Runtime {
        let clock = SystemWallClock()
        let storage = try openStorage(settings.database)
        let files = try openFiles(settings.files)
        let notifier = try openNotifier(settings.notifier)
        let transport = InProcessTransport()
        let dependencies = Dependencies(
            storage: storage, clock: clock, ids: SystemIDGenerator(clock: clock), transport: transport,
            passwordHasher: BcryptPasswordHasher()
        )
        logger.debug("runtime composed", metadata: ["database": "\(settings.database.redactedURL)", "files": "\(settings.files.redactedURL)"])
        return Runtime(
            settings: settings, storage: storage, files: files, notifier: notifier, transport: transport,
            dependencies: dependencies, logger: logger
        )
    }

    static func openStorage(_ database: DatabaseSettings) throws(RuntimeError) -> any MigratableStorage {
        switch database {
        case .sqlite(let path):
            try createFolder(containing: path, for: .databaseURL)
            do {
                return try SQLiteStorage(path: path)
            } catch {
                throw RuntimeError(.databaseURL, "cannot open the SQLite database at \(path): \(error)")
            }
        case .postgres:
            throw RuntimeError(.databaseURL, "PostgreSQL storage is not part of this build yet; use sqlite:")
        }
    }

    static func openFiles(_ files: FileStoreSettings) throws(RuntimeError) -> any FileStore {
        switch files {
        case .local(let directory):
            do {
                return try LocalFileStore(root: URL(fileURLWithPath: directory, isDirectory: true))
            } catch {
                throw RuntimeError(.filesURL, "cannot use \(directory) for files: \(error)")
            }
        case .s3(let settings):
            do {
                return try S3FileStore(s3Configuration(settings))
            } catch {
                throw RuntimeError(.filesURL, "cannot use \(settings.location.url): \(error)")
            }
        }
    }

    /// The S3 store's configuration. Addressing follows the endpoint: virtual-host style on AWS (its
    /// preferred form, possible when the bucket name has no dot, which TLS certificates would not
    /// cover), path style elsewhere (what MinIO, SeaweedFS and IP-address endpoints expect).
    static func s3Configuration(_ settings: S3Settings) -> S3FileStore.Configuration {
        let location = settings.location
        let onAWS = location.endpoint.host?.lowercased().hasSuffix(".amazonaws.com") ?? false
        return S3FileStore.Configuration(
            endpoint: location.endpoint, bucket: location.bucket, region: location.region,
            accessKey: settings.accessKey.value, secretKey: settings.secretKey.value,
            addressing: onAWS && !location.bucket.contains(".") ? .virtualHost : .path
        )
    }

    /// Opens the configured file store and proves it usable: writes, reads back and deletes a small
    /// probe object. Returns a line saying so; throws naming `SWITCHBOARD_FILES_URL` and what failed
    /// (unreachable server, refused credentials, missing bucket, unwritable folder).
    public static func checkFiles(_ files: FileStoreSettings) async throws(RuntimeError) -> String {
        let store = try openFiles(files)
        let probe = Data("switchboard config check\n".utf8)
        do {
            let key = try FileKey(".switchboard-check/\(UUID().uuidString.lowercased())")
            try await store.put(key, contentType: "text/plain", body: .bytes(probe))
            let stored = try await store.head(key)
            try await store.delete(key)
            guard stored?.size == Int64(probe.count) else {
                throw RuntimeError(.filesURL, "\(files.redactedURL): a probe object written there could not be read back")
            }
        } catch let error as RuntimeError {
            throw error
        } catch {
            throw RuntimeError(.filesURL, "\(files.redactedURL) is not usable: \(error)")
        }
        return "files: \(files.redactedURL) is reachable and writable"
    }

    static func openNotifier(_ notifier: NotifierSettings) throws(RuntimeError) -> any Notifier {
        switch notifier {
        case .stdout: StdoutNotifier()
        case .smtp: throw RuntimeError(.notifierURL, "the SMTP notifier is not part of this build yet; use stdout:")
        }
    }

    /// The embedded default creates its data folder on first run.
    private static func createFolder(containing path: String, for key: ConfigurationKey) throws(RuntimeError) {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw RuntimeError(key, "cannot create the folder \(folder.path): \(error.localizedDescription)")
        }
    }
}

/// Why the runtime could not be composed, naming the setting to fix.
public struct RuntimeError: Error, CustomStringConvertible, Sendable {
    public let key: ConfigurationKey
    public let message: String

    init(_ key: ConfigurationKey, _ message: String) {
        self.key = key
        self.message = message
    }

    public var description: String { "\(key.name): \(message)" }
}
