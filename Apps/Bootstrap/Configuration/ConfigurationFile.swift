/// The optional file named by `SWITCHBOARD_CONFIG_FILE`: `NAME=value` lines, as systemd's
/// `EnvironmentFile=` and docker's `--env-file` read them, so one file serves all three.
///
/// Blank lines and lines starting with `#` are skipped; a value may be wrapped in one pair of single or
/// double quotes, which are removed (nothing inside is unescaped). Everything else is taken literally,
/// including spaces and `#` (a secret may contain them). The environment overrides the file.
struct ConfigurationFile: Equatable {
    struct Entry: Equatable {
        let value: String
        let line: Int
    }

    let path: String
    let entries: [String: Entry]

    /// Parses `contents`; syntax errors are reported on `SWITCHBOARD_CONFIG_FILE` with their line.
    init(path: String, contents: String) throws(InvalidValue) {
        var entries: [String: Entry] = [:]
        // `Character.isNewline` also matches "\r\n", which Swift counts as one character, so files
        // written on Windows keep their line numbers.
        for (offset, line) in contents.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let lineNumber = offset + 1
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            guard let equals = trimmed.firstIndex(of: "="), !trimmed[..<equals].isEmpty,
                  !trimmed[..<equals].contains(where: { $0 == " " || $0 == "\t" })
            else { throw InvalidValue("\(path) line \(lineNumber): expected NAME=value") }
            let name = String(trimmed[..<equals])
            guard entries[name] == nil else {
                throw InvalidValue("\(path) line \(lineNumber): \(name) is already set on line \(entries[name]!.line)")
            }
            entries[name] = Entry(value: Self.unquote(trimmed[trimmed.index(after: equals)...]), line: lineNumber)
        }
        self.path = path
        self.entries = entries
    }

    private static func unquote(_ value: Substring) -> String {
        for quote in ["\"", "'"] where value.count >= 2 && value.hasPrefix(quote) && value.hasSuffix(quote) {
            return String(value.dropFirst().dropLast())
        }
        return String(value)
    }
}
