import Domain
import Foundation

/// The notifier for development and log pipelines: each notification becomes one JSON object on one
/// line (JSON lines) of an output, standard output by default.
///
/// A line carries every field, absent ones as `null` (see `NotificationLine` for the format), so a
/// receiver can de-duplicate redeliveries by `id`. Lines are written whole and one at a time per
/// output, never interleaved, on a dedicated queue rather than Swift's cooperative pool. A failed
/// write (closed pipe, full disk) throws `NotifierError.temporary`, so the worker retries it later.
///
/// A process writing to a pipe should ignore `SIGPIPE` (servers do), or a reader going away kills
/// it instead of failing the delivery.
public struct StdoutNotifier: Notifier {
    private let output: Output

    /// - Parameter output: where lines go; `.standardOutput` unless a test or an app says otherwise.
    public init(output: Output = .standardOutput) {
        self.output = output
    }

    /// Writes the notification as one line; returns once the line is handed to the output.
    public func deliver(_ notification: Domain.Notification) async throws {
        let line: Data
        do {
            line = try NotificationLine(notification).encoded()
        } catch {
            // Retrying cannot make an unencodable notification encodable.
            throw NotifierError.permanent(reason: "cannot encode notification \(notification.id) as JSON: \(error)")
        }
        try await output.write(line)
    }
}
