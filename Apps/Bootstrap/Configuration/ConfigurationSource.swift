/// Where a configuration value came from, so that an error or `config check` can point at it.
public enum ConfigurationSource: Sendable, Equatable, CustomStringConvertible {
    /// Not set anywhere: the documented default applies.
    case defaultValue
    /// Set in the process environment.
    case environment
    /// Set in the configuration file at `path`, on line `line` (1-based).
    case file(path: String, line: Int)

    public var description: String {
        switch self {
        case .defaultValue: "default"
        case .environment: "environment"
        case let .file(path, line): "\(path) line \(line)"
        }
    }
}
