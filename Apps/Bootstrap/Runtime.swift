import BcryptPasswordHasher
import CryptoSecretGenerator
import Domain
import Foundation
import InProcessTransport
import LocalFileStore
import Logging
import PostgresStorage
import PostgresTransport
import S3FileStore
import SMTPNotifier
import SQLiteStorage
import StdoutNotifier
import SystemClock
import Synchronization

/// The composition root: settings in, one adapter per port out. The only library that knows adapters;
/// apps ask it for a `Runtime` and hand `dependencies` to the use cases.
///
/// Lifecycle: some adapters own background work (the PostgreSQL connection pool) that must run while
/// the runtime is used; their calls wait until it does. Two ways to run it:
/// - a long-running app puts `run()` into its `ServiceGroup` (it returns on cancellation or graceful
///   shutdown, after closing connections), started before serving and stopped after;
/// - a short-lived caller (the CLI, tests) uses `Runtime.with(settings:logger:_:)`, which runs the
///   background work alongside its body and stops it when the body ends.
public struct Runtime: Sendable {
    public let settings: Settings
    public let storage: any MigratableStorage
    public let files: any FileStore
    public let notifier: any Notifier
    public let transport: any Transport
    public let dependencies: Dependencies
    public let logger: Logger
    /// What `run()` runs: one entry per adapter with background work.
    private let backgroundWork: [BackgroundWork]

    /// One adapter's background work: calls `started` as it begins to serve, then runs until cancelled.
    typealias BackgroundWork = @Sendable (_ started: @escaping @Sendable () -> Void) async -> Void

    /// A runtime from adapters the caller already opened, with no background work. `make(settings:logger:)`
    /// is the production path; API tests use this to run the real application on the memory adapters.
    public static func composing(
        settings: Settings, storage: any MigratableStorage, files: any FileStore, notifier: any Notifier,
        transport: any Transport, dependencies: Dependencies, logger: Logger
    ) -> Runtime {
        ProcessMetrics.install()
        return Runtime(
            settings: settings, storage: storage, files: files, notifier: notifier, transport: transport,
            dependencies: dependencies, logger: logger, backgroundWork: []
        )
    }

    /// Opens every adapter the settings name. Failures are `RuntimeError`s with one readable line.
    /// A PostgreSQL database is reached once before anything else (wrong password, refused connection,
    /// unknown database fail here at once); its pool then works only while `run()` runs.
    public static func make(settings: Settings, logger: Logger) async throws(RuntimeError) -> Runtime {
        ProcessMetrics.install()
        let clock = SystemWallClock()
        let (storage, storageWork) = try await openStorage(settings.database, logger: logger)
        let files = try openFiles(settings.files)
        let notifier = try openNotifier(settings.notifier)
        let (transport, transportWork) = openTransport(settings.database, logger: logger)
        let dependencies = Dependencies(
            storage: storage, clock: clock, ids: SystemIDGenerator(clock: clock), transport: transport,
            passwordHasher: BcryptPasswordHasher(), secrets: CryptoSecretGenerator()
        )
        logger.debug("runtime composed", metadata: ["database": "\(settings.database.redactedURL)", "files": "\(settings.files.redactedURL)"])
        return Runtime(
            settings: settings, storage: storage, files: files, notifier: notifier, transport: transport,
            dependencies: dependencies, logger: logger, backgroundWork: [storageWork, transportWork].compactMap { $0 }
        )
    }

    /// The transport that spans the processes sharing the database: in-process for SQLite (one process),
    /// LISTEN/NOTIFY for PostgreSQL (an event from a worker reaches clients of every API process).
    static func openTransport(_ database: DatabaseSettings, logger: Logger) -> (any Transport, BackgroundWork?) {
        switch database {
        case .sqlite:
            return (InProcessTransport(), nil)
        case .postgres(let postgres):
            let configuration = PostgresTransportConfiguration(
                host: postgres.host, port: postgres.port, username: postgres.user, password: postgres.password?.value,
                database: postgres.database)
            // The default namespace is valid, so this cannot fail.
            let transport = try! PostgresTransport(configuration: configuration, logger: logger)
            return (transport, { started in
                started()
                await transport.run()
            })
        }
    }

    /// Runs the adapters' background work until the calling task is cancelled, then releases what it
    /// holds (closes connections). With no background work (SQLite) it just waits for the cancellation,
    /// so that it has the same shape whatever the adapters: in a `ServiceGroup`, run it as a service
    /// wrapped in `cancelWhenGracefulShutdown`. Call it once per runtime.
    public func run() async {
        await run(whenStarted: {})
    }

    /// `run()`, calling `whenStarted` once every adapter's background work has begun.
    func run(whenStarted: @escaping @Sendable () -> Void) async {
        let (starts, startSignal) = AsyncStream<Void>.makeStream()
        let count = backgroundWork.count
        await withDiscardingTaskGroup { group in
            for work in backgroundWork {
                group.addTask { await work { startSignal.yield() } }
            }
            // Reports the start, then keeps the group open until cancelled (also when no adapter has
            // background work). Cancellation ends the `for await` loops.
            group.addTask {
                var pending = count
                if pending > 0 {
                    for await _ in starts {
                        pending -= 1
                        if pending == 0 { break }
                    }
                }
                whenStarted()
                let (untilCancelled, _) = AsyncStream<Never>.makeStream()
                for await _ in untilCancelled {}
            }
        }
    }

    /// Composes the runtime, runs its background work while `body` runs, and stops that work (closing
    /// connections) when `body` returns or throws. For short-lived callers such as the CLI: `body`
    /// starts once the background work has (so that no call waits on a pool that is not running yet).
    ///
    /// Stopping is bounded by `stopLimit`: the CLI must exit once its work is done. `switchboard migrate` on
    /// PostgreSQL was seen waiting forever for a pool cancelled right after it started (no connection open,
    /// nothing left to do), in about one run in twenty, even with the transport's listener off the pool.
    /// Past the limit the stop is logged and abandoned; the process ends and the OS closes the sockets.
    public static func with<T>(
        settings: Settings, logger: Logger, stopLimit: Duration = .seconds(5), _ body: (Runtime) async throws -> T
    ) async throws -> T {
        let runtime = try await make(settings: settings, logger: logger)
        let (started, signal) = AsyncStream<Void>.makeStream()
        let background = Task { await runtime.run(whenStarted: { signal.finish() }) }
        for await _ in started {}
        let outcome: Result<T, any Error>
        do {
            outcome = .success(try await body(runtime))
        } catch {
            outcome = .failure(error)
        }
        background.cancel()
        // Raced by unstructured tasks: a task group would wait for the loser, and awaiting a task's value
        // cannot be cancelled.
        let stopped = await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
            let first = FirstAnswer(continuation)
            Task { await background.value; first.give(true) }
            Task { try? await Task.sleep(for: stopLimit); first.give(false) }
        }
        if !stopped { logger.info("background work did not stop within \(stopLimit); leaving it to the process's end") }
        return try outcome.get()
    }

    /// The store the settings name, and the background work it needs (none for SQLite).
    static func openStorage(
        _ database: DatabaseSettings, logger: Logger
    ) async throws(RuntimeError) -> (any MigratableStorage, BackgroundWork?) {
        switch database {
        case .sqlite(let path):
            try createFolder(containing: path, for: .databaseURL)
            do {
                return (try SQLiteStorage(path: path), nil)
            } catch {
                throw RuntimeError(.databaseURL, "cannot open the SQLite database at \(path): \(error)")
            }
        case .postgres(let postgres):
            let configuration = PostgresStorageConfiguration(
                host: postgres.host, port: postgres.port, username: postgres.user, password: postgres.password?.value,
                database: postgres.database
            )
            do {
                try await PostgresStorage.checkConnectivity(configuration, logger: logger)
            } catch {
                throw RuntimeError(.databaseURL, error.readableReason)
            }
            let storage = PostgresStorage(configuration: configuration, logger: logger)
            return (storage, { started in
                started()
                await storage.run()
            })
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
        case .smtp(let settings): SMTPNotifier(smtpConfiguration(settings))
        }
    }

    /// The SMTP notifier's configuration from the parsed URL.
    static func smtpConfiguration(_ settings: SMTPSettings) -> SMTPNotifier.Configuration {
        let security: SMTPNotifier.Configuration.Security = switch settings.security {
        case .none: .none
        case .startTLS: .startTLS
        case .tls: .tls
        }
        return SMTPNotifier.Configuration(
            host: settings.host, port: settings.port, security: security, user: settings.credentials?.user,
            password: settings.credentials?.password.value, sender: settings.sender
        )
    }

    /// Proves the configured notifier usable where that can be done without sending anything: for SMTP,
    /// connects, says EHLO (STARTTLS and AUTH as configured) and quits. Returns a line saying so; throws
    /// naming `SWITCHBOARD_NOTIFIER_URL` and what failed (unreachable server, refused credentials, TLS).
    public static func checkNotifier(_ notifier: NotifierSettings) async throws(RuntimeError) -> String {
        switch notifier {
        case .stdout:
            return "notifier: stdout: needs no check"
        case .smtp(let settings):
            do {
                try await SMTPNotifier(smtpConfiguration(settings)).checkConnection()
            } catch {
                let reason = switch error {
                case .temporary(let reason), .permanent(let reason): reason
                }
                throw RuntimeError(.notifierURL, "\(settings.redactedURL) is not usable: \(reason)")
            }
            return "notifier: \(settings.redactedURL) answers and accepts the credentials"
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

extension StorageError {
    /// The reason alone, for a one-line message (`unavailable(reason: …)` reads worse).
    var readableReason: String {
        switch self {
        case .unavailable(let reason): reason
        default: "\(self)"
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

/// Resumes a continuation with the first answer given; later answers are ignored.
private final class FirstAnswer: Sendable {
    private let continuation: Mutex<CheckedContinuation<Bool, Never>?>

    init(_ continuation: CheckedContinuation<Bool, Never>) {
        self.continuation = Mutex(continuation)
    }

    func give(_ answer: Bool) {
        continuation.withLock { pending in
            pending?.resume(returning: answer)
            pending = nil
        }
    }
}
