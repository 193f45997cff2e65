/// The raw text of every variable, merged from the environment and the configuration file, and the
/// problems found so far. Parsing goes on after a bad value so that all problems are reported at once.
struct ConfigurationReader {
    private struct RawValue {
        let text: String
        let source: ConfigurationSource
    }

    private var values: [String: RawValue] = [:]
    private(set) var problems: [ConfigurationProblem] = []
    /// The line of the configuration file that tries to name another configuration file.
    private var nestedConfigFileLine: Int?
    private var filePath: String?

    /// Keeps the `SWITCHBOARD_` variables of `environment` and every entry of `file`; the environment
    /// wins over the file.
    init(environment: [String: String], file: ConfigurationFile?) {
        for (name, entry) in file?.entries ?? [:] {
            values[name] = RawValue(text: entry.value, source: .file(path: file!.path, line: entry.line))
        }
        filePath = file?.path
        nestedConfigFileLine = file?.entries[ConfigurationKey.configFile.name]?.line
        for (name, text) in environment where name.hasPrefix(ConfigurationKey.prefix) {
            values[name] = RawValue(text: text, source: .environment)
        }
    }

    /// Where `key`'s value comes from (`.defaultValue` when unset).
    func source(of key: ConfigurationKey) -> ConfigurationSource {
        values[key.name]?.source ?? .defaultValue
    }

    /// Whether `key` is set at all, even to an empty value.
    func isSet(_ key: ConfigurationKey) -> Bool { values[key.name] != nil }

    /// Whether `key` is set to a non-empty value (an empty one is reported by `read` already).
    func hasValue(_ key: ConfigurationKey) -> Bool { values[key.name].map { !$0.text.isEmpty } ?? false }

    /// The parsed value of `key`; `nil` when it is unset or invalid (the problem is then recorded, and
    /// the caller's default only lets parsing go on to find further problems).
    mutating func read<Value>(_ key: ConfigurationKey, _ parse: (String) throws(InvalidValue) -> Value) -> Value? {
        guard let raw = values[key.name] else { return nil }
        guard !raw.text.isEmpty else {
            report(key, "is empty (give a value, or unset it)")
            return nil
        }
        do {
            return try parse(raw.text)
        } catch {
            report(key, error.message)
            return nil
        }
    }

    /// Records a problem with `key`, pointing at where its value was set.
    mutating func report(_ key: ConfigurationKey, _ message: String) {
        problems.append(ConfigurationProblem(variable: key.name, message: message, source: source(of: key)))
    }

    /// Records a problem with the configuration file itself.
    mutating func reportFile(_ message: String) {
        problems.append(ConfigurationProblem(variable: ConfigurationKey.configFile.name, message: message, source: source(of: .configFile)))
    }

    /// Flags every name that is not a `ConfigurationKey` (a typo would otherwise leave a default in
    /// place silently), and a configuration file that names another one.
    mutating func checkNames() {
        let known = Set(ConfigurationKey.allCases.map(\.name))
        for name in values.keys.sorted() where !known.contains(name) {
            let suggestion = Self.closestKey(to: name).map { " (did you mean \($0.name)?)" } ?? ""
            problems.append(ConfigurationProblem(variable: name, message: "unknown variable\(suggestion)", source: values[name]!.source))
        }
        if let line = nestedConfigFileLine, let filePath {
            problems.append(ConfigurationProblem(
                variable: ConfigurationKey.configFile.name, message: "cannot be set inside the configuration file",
                source: .file(path: filePath, line: line)
            ))
        }
    }

    /// The known key within a small edit distance of `name`, if any.
    static func closestKey(to name: String) -> ConfigurationKey? {
        let candidates = ConfigurationKey.allCases.map { ($0, editDistance(Array(name.uppercased()), Array($0.name))) }
        guard let best = candidates.min(by: { $0.1 < $1.1 }), best.1 <= 3 else { return nil }
        return best.0
    }

    /// Levenshtein distance.
    private static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        var previous = Array(0...b.count)
        for (i, left) in a.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            for (j, right) in b.enumerated() {
                current[j + 1] = Swift.min(previous[j + 1] + 1, current[j] + 1, previous[j] + (left == right ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
