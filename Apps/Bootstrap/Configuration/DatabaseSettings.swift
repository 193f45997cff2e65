/// Which database holds Switchboard's data: `SWITCHBOARD_DATABASE_URL`.
///
/// Accepted forms:
/// - `sqlite:///absolute/path.db` (three slashes: an absolute path, as in `file:` URLs);
/// - `sqlite:relative/path.db` (no slashes after the colon: relative to the working directory);
/// - `postgres://user:password@host:port/database` (also `postgresql://`; port 5432 by default;
///   password optional; percent-encode `@ : / ? # %` inside the user name or password).
///
/// Default: `sqlite:` + `<data dir>/switchboard.db`, the embedded mode. `sqlite://name/…` is refused
/// rather than guessed, because readers of URLs disagree on whether `name` is a host or a folder.
public enum DatabaseSettings: Sendable, Equatable {
    case sqlite(path: String)
    case postgres(PostgresSettings)

    static let expectedForms = "sqlite:///absolute/path.db, sqlite:relative/path.db or postgres://user:password@host:port/database"

    /// The default database file inside `dataDirectory`.
    static func defaultValue(dataDirectory: String) -> DatabaseSettings {
        .sqlite(path: FilePathSetting.join(dataDirectory, "switchboard.db"))
    }

    static func parse(_ text: String) throws(InvalidValue) -> DatabaseSettings {
        let url = try ConnectionURL(parsing: text, expected: expectedForms)
        switch url.scheme {
        case "sqlite":
            try url.checkParameters(known: [])
            let path = try FilePathSetting.path(of: url, what: "database file", example: "path.db")
            guard !path.hasSuffix("/") else { throw InvalidValue("the database path ends with \"/\": name a file") }
            return .sqlite(path: path)
        case "postgres", "postgresql":
            return .postgres(try PostgresSettings(url))
        default:
            throw InvalidValue("unsupported scheme \"\(url.scheme)\" (expected sqlite:// or postgres://)")
        }
    }

    /// The URL with any password replaced by `***`.
    public var redactedURL: String {
        switch self {
        case let .sqlite(path): FilePathSetting.url(scheme: "sqlite", path: path)
        case let .postgres(settings): settings.redactedURL
        }
    }
}
