/// Every configuration variable Switchboard reads, in the order `switchboard config check` lists them.
///
/// A variable that starts with `SWITCHBOARD_` but is not listed here is rejected, so that a typo
/// (`SWITCHBOARD_FILE_URL`) fails at startup instead of silently leaving the default in place.
/// A new setting therefore starts here.
public enum ConfigurationKey: String, CaseIterable, Sendable, Comparable {
    /// Optional `NAME=value` file read before the environment (the environment wins).
    case configFile = "SWITCHBOARD_CONFIG_FILE"
    /// Folder for everything the embedded mode keeps on disk; other defaults live under it.
    case dataDirectory = "SWITCHBOARD_DATA_DIR"
    case databaseURL = "SWITCHBOARD_DATABASE_URL"
    case filesURL = "SWITCHBOARD_FILES_URL"
    case s3AccessKey = "SWITCHBOARD_S3_ACCESS_KEY"
    case s3SecretKey = "SWITCHBOARD_S3_SECRET_KEY"
    case notifierURL = "SWITCHBOARD_NOTIFIER_URL"
    case host = "SWITCHBOARD_HOST"
    case port = "SWITCHBOARD_PORT"
    case jwtSecret = "SWITCHBOARD_JWT_SECRET"
    case logLevel = "SWITCHBOARD_LOG_LEVEL"
    // MARK: routing
    /// Seconds between auto-assignment passes (a decimal, e.g. `0.5`).
    case assignmentInterval = "SWITCHBOARD_ASSIGNMENT_INTERVAL"

    // MARK: attachments
    case attachmentImageMaxBytes = "SWITCHBOARD_ATTACHMENT_IMAGE_MAX_BYTES"
    case attachmentDocumentMaxBytes = "SWITCHBOARD_ATTACHMENT_DOCUMENT_MAX_BYTES"
    case attachmentPendingSeconds = "SWITCHBOARD_ATTACHMENT_PENDING_SECONDS"

    // MARK: real-time (see `RealtimeSettings`)
    case realtimeSendBuffer = "SWITCHBOARD_REALTIME_SEND_BUFFER"
    case realtimeMaxMessageBytes = "SWITCHBOARD_REALTIME_MAX_MESSAGE_BYTES"
    case realtimeHeartbeatSeconds = "SWITCHBOARD_REALTIME_HEARTBEAT_SECONDS"
    case realtimeIdleSeconds = "SWITCHBOARD_REALTIME_IDLE_SECONDS"
    case realtimeConnectionsPerUser = "SWITCHBOARD_REALTIME_CONNECTIONS_PER_USER"

    /// The prefix that marks a variable as Switchboard's.
    public static let prefix = "SWITCHBOARD_"

    /// The variable's name, as set in the environment.
    public var name: String { rawValue }

    public static func < (lhs: ConfigurationKey, rhs: ConfigurationKey) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
