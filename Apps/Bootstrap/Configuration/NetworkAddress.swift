/// Checks of host names and ports shared by every setting that names a server.
enum NetworkAddress {
    /// The ports a TCP server or client may use.
    static let portRange = 1...65535

    /// Parses a decimal port within `portRange`.
    static func port(_ text: String) throws(InvalidValue) -> Int {
        guard !text.isEmpty, text.utf8.count <= 5, text.utf8.allSatisfy({ (48...57).contains($0) }),
              let port = Int(text), portRange.contains(port)
        else { throw InvalidValue("\"\(text)\" is not a port number (expected 1–65535)") }
        return port
    }

    /// Accepts a DNS name (letters, digits, `-`, and `_` as container networks use it), an IPv4
    /// address, or an IPv6 address (brackets optional); returns it without brackets.
    static func host(_ text: String) throws(InvalidValue) -> String {
        var host = Substring(text)
        if host.hasPrefix("["), host.hasSuffix("]") { host = host.dropFirst().dropLast() }
        guard !host.isEmpty else { throw InvalidValue("host is empty") }
        if host.contains(":") {
            guard host.unicodeScalars.allSatisfy({ $0.properties.isASCIIHexDigit || $0 == ":" || $0 == "." }) else {
                throw InvalidValue("\"\(text)\" is not a host name or IP address")
            }
            return String(host)
        }
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        let valid = host.utf8.count <= 253 && labels.allSatisfy { label in
            (1...63).contains(label.utf8.count) && !label.hasPrefix("-") && !label.hasSuffix("-")
                && label.unicodeScalars.allSatisfy { isHostCharacter($0) }
        }
        guard valid else { throw InvalidValue("\"\(text)\" is not a host name or IP address") }
        return String(host)
    }

    private static func isHostCharacter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
            || scalar == "-" || scalar == "_"
    }
}
