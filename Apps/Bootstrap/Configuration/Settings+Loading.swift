import Foundation

extension Settings {
    /// Exit status for a refused configuration (`EX_CONFIG` in BSD's sysexits.h).
    public static let configurationErrorExitStatus: Int32 = 78

    /// Reads the process environment (and the configuration file it names) once.
    public static func fromProcess() throws(ConfigurationError) -> Settings {
        try parse(environment: ProcessInfo.processInfo.environment)
    }

    /// For an app's `main`: the settings, or the problems on standard error, one line each, and exit
    /// with status 78. A thrown error reaching the top level would print a crash report instead.
    public static func loadOrExit() -> Settings {
        do {
            return try fromProcess()
        } catch {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            exit(configurationErrorExitStatus)
        }
    }

    /// Reads a configuration file as UTF-8 text, with a readable reason when it cannot.
    public static func readFromDisk(_ path: String) throws -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InvalidValue("\"\(path)\" does not exist")
        }
        guard !isDirectory.boolValue else { throw InvalidValue("\"\(path)\" is a folder, not a file") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InvalidValue("cannot read \"\(path)\" (permission denied?)")
        }
        guard let text = String(data: data, encoding: .utf8) else { throw InvalidValue("\"\(path)\" is not UTF-8 text") }
        return text
    }
}
