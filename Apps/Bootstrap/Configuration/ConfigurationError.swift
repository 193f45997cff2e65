/// Why the configuration was refused: every bad value at once, one readable line each, so that an
/// operator can fix them all in one go. Never a stack trace (see `Settings.loadOrExit`).
public struct ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Never empty; in the order of `ConfigurationKey.allCases`, then unknown variables by name.
    public let problems: [ConfigurationProblem]

    public init(problems: [ConfigurationProblem]) {
        precondition(!problems.isEmpty, "a configuration error names at least one problem")
        self.problems = problems
    }

    /// The problems, one per line.
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
