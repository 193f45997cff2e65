import Bootstrap
import Testing

/// A JWT secret long enough to be accepted.
let validJWTSecret = String(repeating: "s", count: 32)

/// Parses `environment` with no configuration file on disk: a file read fails the test.
func settings(_ environment: [String: String], files: [String: String] = [:]) throws -> Settings {
    try Settings.parse(environment: environment) { path in
        guard let contents = files[path] else { throw TestFileMissing(path: path) }
        return contents
    }
}

/// The lines the configuration error prints for `environment`, or `[]` when it is accepted.
func problems(_ environment: [String: String], files: [String: String] = [:]) -> [String] {
    do {
        _ = try settings(environment, files: files)
        return []
    } catch let error as ConfigurationError {
        return error.problems.map(\.description)
    } catch {
        return ["unexpected error: \(error)"]
    }
}

struct TestFileMissing: Error, CustomStringConvertible {
    let path: String
    var description: String { "no test file \(path)" }
}

/// One invalid value and the exact line it must produce.
struct Rejection: Sendable, CustomTestStringConvertible {
    let value: String
    let message: String

    init(_ value: String, _ message: String) {
        self.value = value
        self.message = message
    }

    var testDescription: String { value.isEmpty ? "(empty)" : value }
}
