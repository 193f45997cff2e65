/// A password or key that must never reach a log line, an error message or `config check`.
///
/// Printing, interpolating, debug-printing or dumping it shows `***`; only `value` reveals it,
/// which makes every place that needs the real secret easy to find.
public struct Secret: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The secret itself, for the adapter that needs it.
    public let value: String

    public init(_ value: String) { self.value = value }

    /// What is shown in place of a secret.
    public static let redacted = "***"

    public var description: String { Self.redacted }
    public var debugDescription: String { Self.redacted }
    public var customMirror: Mirror { Mirror(self, children: []) }
}
