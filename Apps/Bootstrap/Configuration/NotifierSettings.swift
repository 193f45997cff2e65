/// How notifications leave the system: `SWITCHBOARD_NOTIFIER_URL`.
///
/// Accepted forms: `stdout:` (the default: one line per notification, for the embedded mode and
/// demos) or `smtp://user:password@host:port?tls=starttls|tls|none&from=sender@example.com`
/// (see `SMTPSettings`).
public enum NotifierSettings: Sendable, Equatable {
    case stdout
    case smtp(SMTPSettings)

    static let expectedForms = "stdout: or smtp://user:password@host:port?tls=starttls&from=sender@example.com"

    static func parse(_ text: String) throws(InvalidValue) -> NotifierSettings {
        let url = try ConnectionURL(parsing: text, expected: expectedForms)
        switch url.scheme {
        case "stdout":
            guard url.authority == nil, url.path.isEmpty, url.query.isEmpty else {
                throw InvalidValue("stdout takes nothing after \"stdout:\"")
            }
            return .stdout
        case "smtp":
            return .smtp(try SMTPSettings(url))
        default:
            throw InvalidValue("unsupported scheme \"\(url.scheme)\" (expected stdout: or smtp://)")
        }
    }

    /// The URL with any password replaced by `***`.
    public var redactedURL: String {
        switch self {
        case .stdout: "stdout:"
        case let .smtp(settings): settings.redactedURL
        }
    }
}
