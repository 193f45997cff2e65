/// Where uploaded files are kept: `SWITCHBOARD_FILES_URL`.
///
/// Accepted forms:
/// - `file:///absolute/folder` or `file:relative/folder` (relative to the working directory);
/// - `s3://bucket?endpoint=http://host:port&region=…` with the keys in `SWITCHBOARD_S3_ACCESS_KEY`
///   and `SWITCHBOARD_S3_SECRET_KEY` (see `S3Settings`).
///
/// Default: `<data dir>/files` on local disk.
public enum FileStoreSettings: Sendable, Equatable {
    case local(directory: String)
    case s3(S3Settings)

    static let expectedForms = "file:///absolute/folder, file:relative/folder or s3://bucket?endpoint=http://host:port&region=name"

    static func defaultValue(dataDirectory: String) -> FileStoreSettings {
        .local(directory: FilePathSetting.join(dataDirectory, "files"))
    }

    /// What the URL says; for `s3://` the keys come from their own variables, passed in by the reader.
    enum Parsed: Equatable {
        case local(directory: String)
        case s3(S3Settings.Location)
    }

    static func parse(_ text: String) throws(InvalidValue) -> Parsed {
        let url = try ConnectionURL(parsing: text, expected: expectedForms)
        switch url.scheme {
        case "file":
            try url.checkParameters(known: [])
            return .local(directory: try FilePathSetting.path(of: url, what: "files folder", example: "folder"))
        case "s3":
            return .s3(try S3Settings.Location(url))
        default:
            throw InvalidValue("unsupported scheme \"\(url.scheme)\" (expected file:// or s3://)")
        }
    }

    /// The URL as configured (it holds no secret: the S3 keys live in their own variables).
    public var redactedURL: String {
        switch self {
        case let .local(directory): FilePathSetting.url(scheme: "file", path: directory)
        case let .s3(settings): settings.location.url
        }
    }
}
