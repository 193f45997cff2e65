import Foundation

/// Header syntax of Internet mail (RFC 5322, RFC 2047): folding long fields, encoded words for text
/// that is not plain ASCII, display names in address fields. Pure functions, no I/O.
enum MailHeaderEncoding {
    /// Lines of a message should stay within 78 characters (RFC 5322 §2.1.1).
    static let lineLimit = 78
    /// Bytes of UTF-8 per encoded word: 42 bytes are 56 base64 characters, 68 with `=?UTF-8?B?` and
    /// `?=`, which fits a line after the longest field name used here ("Subject: ", "To: ").
    static let bytesPerEncodedWord = 42

    /// One header field, `Name: value`, folded at the spaces between `words` so that lines stay within
    /// `lineLimit` where a word allows it (folding inserts CR LF before an existing space, which
    /// unfolding removes again, so the value reads back unchanged).
    static func field(_ name: String, words: [String]) -> String {
        var out = name + ":"
        var lineLength = out.count
        for word in words {
            if lineLength + 1 + word.count > lineLimit, lineLength > name.count + 1 {
                out += "\r\n"
                lineLength = 0
            }
            out += " " + word
            lineLength += 1 + word.count
        }
        return out + "\r\n"
    }

    /// An unstructured value (a subject) as words of a field: as it is when it is plain ASCII text that
    /// folding cannot alter, otherwise as RFC 2047 encoded words (UTF-8, base64), which carry any text
    /// exactly — line breaks, control characters, leading and repeated spaces included.
    static func unstructuredWords(_ text: String) -> [String] {
        // An empty value is an empty field: an encoded word needs at least one character (RFC 2047 §2).
        if text.isEmpty { return [] }
        return isPlain(text) ? text.split(separator: " ").map(String.init) : encodedWords(text)
    }

    /// A display name and address for From and To: `Ada Lovelace <ada@example.com>`, with the name in
    /// encoded words unless it is made of atoms only (RFC 5322 `atext` and single spaces). An empty
    /// name gives the bare `<address>`.
    static func mailboxWords(name: String, address: String) -> [String] {
        let angle = "<" + address + ">"
        guard !name.isEmpty else { return [angle] }
        let nameWords = isAtoms(name) ? name.split(separator: " ").map(String.init) : encodedWords(name)
        return nameWords + [angle]
    }

    /// `text` as encoded words of at most `bytesPerEncodedWord` UTF-8 bytes each, split between
    /// Unicode scalars (never inside one, so every word decodes on its own, RFC 2047 §5).
    static func encodedWords(_ text: String) -> [String] {
        var words: [String] = []
        var chunk: [UInt8] = []
        for scalar in text.unicodeScalars {
            let bytes = Array(String(scalar).utf8)
            if chunk.count + bytes.count > bytesPerEncodedWord {
                words.append(encodedWord(chunk))
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append(encodedWord(chunk)) }
        return words
    }

    private static func encodedWord(_ bytes: [UInt8]) -> String {
        "=?UTF-8?B?" + Data(bytes).base64EncodedString() + "?="
    }

    /// Printable ASCII words separated by single spaces, none of them long or looking like an encoded
    /// word: what a receiver reads back exactly after unfolding.
    static func isPlain(_ text: String) -> Bool {
        guard !text.isEmpty, !text.contains("=?") else { return false }
        let words = text.split(separator: " ", omittingEmptySubsequences: false)
        return words.allSatisfy { word in
            !word.isEmpty && word.utf8.count <= 60 && word.utf8.allSatisfy { (0x21...0x7E).contains($0) }
        }
    }

    /// Atoms (RFC 5322 `atext`) separated by single spaces: a display name that needs no quoting.
    static func isAtoms(_ text: String) -> Bool {
        guard isPlain(text) else { return false }
        let specials = Set("()<>[]:;@\\,.\"".utf8)
        return !text.utf8.contains { specials.contains($0) }
    }

    /// Whether `address` can go into an SMTP envelope and an address field as it is: printable ASCII
    /// without spaces, brackets or separators (anything else would need quoting or SMTPUTF8, which
    /// this adapter does not use), one `@` with something on both sides.
    static func isTransmittable(_ address: String) -> Bool {
        let forbidden = Set("()<>[]:;,\\\" ".utf8)
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && !parts[1].isEmpty
            && address.utf8.allSatisfy { (0x21...0x7E).contains($0) && !forbidden.contains($0) }
    }
}
