import Logging

/// Everything Switchboard's processes are configured with, typed and validated.
///
/// Read once at startup (`Settings.fromProcess()` or `Settings.loadOrExit()`), then handed to whatever
/// needs it; nothing else reads the environment. Every variable, its forms and its default:
///
/// | variable | forms | default |
/// | --- | --- | --- |
/// | `SWITCHBOARD_CONFIG_FILE` | path of a `NAME=value` file (see `ConfigurationFile`) | none |
/// | `SWITCHBOARD_DATA_DIR` | folder path | `./var` |
/// | `SWITCHBOARD_DATABASE_URL` | see `DatabaseSettings` | `sqlite:<data dir>/switchboard.db` |
/// | `SWITCHBOARD_FILES_URL` | see `FileStoreSettings` | `file:<data dir>/files` |
/// | `SWITCHBOARD_S3_ACCESS_KEY`, `SWITCHBOARD_S3_SECRET_KEY` | required with `s3://`, refused otherwise | none |
/// | `SWITCHBOARD_NOTIFIER_URL` | see `NotifierSettings` | `stdout:` |
/// | `SWITCHBOARD_HOST` | host name or IP address to listen on | `127.0.0.1` |
/// | `SWITCHBOARD_PORT` | 1–65535 | `8080` |
/// | `SWITCHBOARD_JWT_SECRET` | at least 32 bytes; required with Postgres | embedded: generated into `<data dir>/jwt-secret` |
/// | `SWITCHBOARD_LOG_LEVEL` | trace, debug, info, notice, warning, error, critical | `info` |
/// | `SWITCHBOARD_ATTACHMENT_IMAGE_MAX_BYTES` | 1 … 104857600 | `5242880` (5 MB) |
/// | `SWITCHBOARD_ATTACHMENT_DOCUMENT_MAX_BYTES` | 1 … 104857600 | `26214400` (25 MB) |
/// | `SWITCHBOARD_ATTACHMENT_PENDING_SECONDS` | seconds an unused upload is kept | `86400` |
/// | `SWITCHBOARD_ASSIGNMENT_INTERVAL` | seconds between auto-assignment passes, 0.05 … 3600 | `2` |
/// | `SWITCHBOARD_REALTIME_SEND_BUFFER`, `_MAX_MESSAGE_BYTES`, `_HEARTBEAT_SECONDS`, `_IDLE_SECONDS`, `_CONNECTIONS_PER_USER` | see `RealtimeSettings` | 256, 4096, 30, 300, 10 |
///
/// Relative paths are relative to the working directory. An empty value is an error, not a default.
public struct Settings: Sendable, Equatable {
    public static let defaultDataDirectory = "./var"
    public static let defaultHost = "127.0.0.1"
    public static let defaultPort = 8080
    public static let defaultLogLevel = Logger.Level.info
    /// The shortest JWT secret accepted: 256 bits, the key size of HS256.
    public static let minimumJWTSecretBytes = 32

    /// The `SWITCHBOARD_CONFIG_FILE` that was read, if any.
    public var configFile: String?
    /// Where the embedded mode keeps its files; the defaults of other paths are inside it.
    public var dataDirectory: String
    public var database: DatabaseSettings
    public var files: FileStoreSettings
    public var notifier: NotifierSettings
    /// The address the HTTP server listens on (IPv6 without brackets).
    public var host: String
    public var port: Int
    /// `nil` in embedded mode when unset: the app then generates one into `jwtSecretFile`.
    public var jwtSecret: Secret?
    public var logLevel: Logger.Level
    /// Upload limits and the lifetime of pending uploads (see `AttachmentSettings`).
    public var attachments = AttachmentSettings()
    /// Where each value came from, for `config check`.
    public var sources: [ConfigurationKey: ConfigurationSource]
    /// Time between auto-assignment passes (`SWITCHBOARD_ASSIGNMENT_INTERVAL`, seconds; default 2).
    public var assignmentInterval: Duration = Settings.defaultAssignmentInterval

    public static let defaultAssignmentInterval = Duration.seconds(2)
    /// The WebSocket endpoint's limits (`SWITCHBOARD_REALTIME_*`).
    public var realtime = RealtimeSettings()

    /// One process on SQLite with everything in the data folder (SPEC §2), as opposed to the cloud
    /// setup on PostgreSQL.
    public var isEmbedded: Bool {
        if case .sqlite = database { true } else { false }
    }

    /// Where the embedded mode keeps the JWT secret it generates when `SWITCHBOARD_JWT_SECRET` is unset.
    public var jwtSecretFile: String { FilePathSetting.join(dataDirectory, "jwt-secret") }
}
