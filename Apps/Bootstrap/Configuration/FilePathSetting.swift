/// Paths as the configuration gives them: absolute, or relative to the working directory.
///
/// They are kept as written (not resolved against the working directory) so that parsing stays a pure
/// function of its input; the adapters open them relative to the directory the process starts in.
enum FilePathSetting {
    /// Accepts any non-empty path without a NUL byte (which no file system can open).
    static func validate(_ path: String, what: String) throws(InvalidValue) -> String {
        guard !path.isEmpty else { throw InvalidValue("missing the \(what) path") }
        guard !path.utf8.contains(0) else { throw InvalidValue("the \(what) path contains a NUL character") }
        return path
    }

    /// `base` + `/` + `name`, without doubling a trailing slash.
    static func join(_ base: String, _ name: String) -> String {
        base.hasSuffix("/") ? base + name : base + "/" + name
    }

    /// The path inside a `scheme:` URL: `scheme:///absolute` or `scheme:relative`.
    static func url(scheme: String, path: String) -> String {
        path.hasPrefix("/") ? "\(scheme)://\(path)" : "\(scheme):\(path)"
    }

    /// The path of a `sqlite:` or `file:` URL; a host part is refused because `sqlite://var/x.db`
    /// would otherwise quietly mean `/x.db` on host `var` to some readers and `var/x.db` to others.
    static func path(of url: ConnectionURL, what: String, example: String) throws(InvalidValue) -> String {
        if let authority = url.authority {
            guard authority.host.isEmpty, authority.user == nil, authority.port == nil else {
                throw InvalidValue(
                    "\(url.scheme): URLs take no host (\"\(authority.host)\"): write \(url.scheme):///absolute/\(example) or \(url.scheme):relative/\(example)"
                )
            }
        }
        return try validate(url.path, what: what)
    }
}
