/// One bad configuration value: the variable, what is wrong with it, and where it was set.
///
/// Messages never repeat a password or secret: they quote only the part that is wrong.
public struct ConfigurationProblem: Sendable, Equatable, CustomStringConvertible {
    /// The variable's name (usually a `ConfigurationKey`, or the unknown name that was set).
    public let variable: String
    public let message: String
    public let source: ConfigurationSource

    public init(variable: String, message: String, source: ConfigurationSource = .environment) {
        self.variable = variable
        self.message = message
        self.source = source
    }

    /// One line: `SWITCHBOARD_PORT: "80a" is not a port number (expected 1–65535)`, followed by
    /// `(set in FILE line N)` when the value came from the configuration file.
    public var description: String {
        switch source {
        case .defaultValue, .environment: "\(variable): \(message)"
        case .file: "\(variable): \(message) (set in \(source))"
        }
    }
}
