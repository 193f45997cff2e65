/// A configuration that cannot work, found before any request is sent.
public struct S3ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    init(_ message: String) { self.message = message }
    public var description: String { message }
}
