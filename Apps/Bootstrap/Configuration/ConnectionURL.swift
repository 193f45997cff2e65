import Foundation

/// A URL taken apart just enough to validate connection settings with precise messages.
///
/// Foundation's `URLComponents` answers `nil` for anything it cannot read, which would turn every
/// mistake into "not a URL"; this splitter knows which part is wrong. It follows RFC 3986's shape
/// (`scheme:[//[user[:password]@]host[:port]][path][?query]`) with two leniencies that operators
/// expect from database URLs: the last `@` ends the user info (so an unencoded `@` in a password
/// works), and parts are percent-decoded.
struct ConnectionURL: Equatable {
    struct Authority: Equatable {
        var user: String?
        var password: String?
        /// Without the brackets of an IPv6 literal; empty in `sqlite:///path`.
        var host: String
        /// As written, validated by the caller (`nil` when absent).
        var port: String?
    }

    /// Lower-cased.
    var scheme: String
    /// Present when the URL has `//` after the scheme.
    var authority: Authority?
    /// Percent-decoded.
    var path: String
    /// Percent-decoded, in order; `?a` gives `("a", "")`.
    var query: [(name: String, value: String)]

    static func == (lhs: ConnectionURL, rhs: ConnectionURL) -> Bool {
        lhs.scheme == rhs.scheme && lhs.authority == rhs.authority && lhs.path == rhs.path
            && lhs.query.map(\.name) == rhs.query.map(\.name) && lhs.query.map(\.value) == rhs.query.map(\.value)
    }

    /// - Parameter expected: the accepted forms, quoted in the message when `text` is not a URL at all.
    init(parsing text: String, expected: String) throws(InvalidValue) {
        guard let colon = text.firstIndex(of: ":"), Self.isScheme(text[..<colon]) else {
            throw InvalidValue("not a URL (expected \(expected))")
        }
        if text.contains("#") {
            // Never quote the text: the "#" is most often inside a password.
            throw InvalidValue("contains \"#\": percent-encode it as %23 (in a password, for example)")
        }
        scheme = text[..<colon].lowercased()
        var rest = text[text.index(after: colon)...]

        var queryText: Substring?
        if let questionMark = rest.firstIndex(of: "?") {
            queryText = rest[rest.index(after: questionMark)...]
            rest = rest[..<questionMark]
        }

        if rest.hasPrefix("//") {
            let afterSlashes = rest.dropFirst(2)
            let end = afterSlashes.firstIndex(of: "/") ?? afterSlashes.endIndex
            authority = try Self.parseAuthority(afterSlashes[..<end])
            rest = afterSlashes[end...]
        }
        path = try Self.decode(rest, part: "path")
        query = try queryText.map(Self.parseQuery) ?? []
    }

    /// The one value of query parameter `name`, or `nil` when absent.
    func parameter(_ name: String) -> String? {
        query.first { $0.name == name }?.value
    }

    /// Throws for a parameter outside `known` or one given twice: a misspelt option must not be ignored.
    func checkParameters(known: [String]) throws(InvalidValue) {
        var seen: Set<String> = []
        for (name, _) in query {
            guard known.contains(name) else {
                let expectation = known.isEmpty
                    ? "this URL takes no parameters"
                    : "expected \(Self.list(known.map { "\"\($0)\"" }, conjunction: "or"))"
                throw InvalidValue("unsupported parameter \"\(name)\" (\(expectation))")
            }
            guard seen.insert(name).inserted else { throw InvalidValue("parameter \"\(name)\" is given twice") }
        }
    }

    /// `["a", "b", "c"]` → `a, b or c`.
    static func list(_ items: [String], conjunction: String) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " \(conjunction) " + items.last!
    }

    /// RFC 3986: a letter, then letters, digits, `+`, `-` or `.`.
    private static func isScheme(_ text: Substring) -> Bool {
        func isLetter(_ scalar: Unicode.Scalar) -> Bool { ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) }
        guard let first = text.unicodeScalars.first, isLetter(first) else { return false }
        return text.unicodeScalars.allSatisfy { scalar in
            isLetter(scalar) || ("0"..."9").contains(scalar) || scalar == "+" || scalar == "-" || scalar == "."
        }
    }

    private static func parseAuthority(_ text: Substring) throws(InvalidValue) -> Authority {
        var hostPort = text
        var user: String?
        var password: String?
        if let at = text.lastIndex(of: "@") {
            let userInfo = text[..<at]
            hostPort = text[text.index(after: at)...]
            if let colon = userInfo.firstIndex(of: ":") {
                user = try decode(userInfo[..<colon], part: "user name")
                password = try decode(userInfo[userInfo.index(after: colon)...], part: "password")
            } else {
                user = try decode(userInfo, part: "user name")
            }
        }

        var host: Substring
        var port: Substring?
        if hostPort.hasPrefix("[") {
            guard let close = hostPort.firstIndex(of: "]") else { throw InvalidValue("IPv6 address lacks its closing \"]\"") }
            host = hostPort[hostPort.index(after: hostPort.startIndex)..<close]
            let afterBracket = hostPort[hostPort.index(after: close)...]
            if afterBracket.hasPrefix(":") {
                port = afterBracket.dropFirst()
            } else if !afterBracket.isEmpty {
                throw InvalidValue("unexpected \"\(afterBracket)\" after the IPv6 address (expected :port)")
            }
        } else {
            let parts = hostPort.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count <= 2 else { throw InvalidValue("host has several \":\" (write an IPv6 address in brackets: [::1])") }
            host = parts[0]
            port = parts.count == 2 ? parts[1] : nil
        }
        return Authority(user: user, password: password, host: String(host), port: port.map(String.init))
    }

    private static func parseQuery(_ text: Substring) throws(InvalidValue) -> [(name: String, value: String)] {
        var pairs: [(name: String, value: String)] = []
        for item in text.split(separator: "&") {
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = try decode(parts[0], part: "parameter name")
            let value = parts.count == 2 ? try decode(parts[1], part: "value of parameter \"\(name)\"") : ""
            pairs.append((name, value))
        }
        return pairs
    }

    /// Percent-decodes `text`; the message names the part, never its content (it may be a password).
    private static func decode(_ text: Substring, part: String) throws(InvalidValue) -> String {
        guard text.contains("%") else { return String(text) }
        guard let decoded = String(text).removingPercentEncoding else {
            throw InvalidValue("invalid percent-encoding in the \(part) (expected % followed by two hex digits)")
        }
        return decoded
    }
}
