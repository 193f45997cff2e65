import Foundation

/// The few things read from S3's XML answers (error codes, upload ids). The documents are small and
/// flat, so the text of the first element with a given name is all that is needed.
enum S3XML {
    /// The text of the first `<name>…</name>` in `document`, entities decoded; `nil` if absent.
    static func text(of name: String, in document: Data) -> String? {
        let xml = String(decoding: document, as: UTF8.self)
        guard let open = xml.range(of: "<\(name)>"), let close = xml.range(of: "</\(name)>", range: open.upperBound..<xml.endIndex) else {
            return nil
        }
        return unescape(String(xml[open.upperBound..<close.lowerBound]))
    }

    /// Whether the document's root is `<Error>` (S3 can answer 200 OK with an error body, e.g. to
    /// CompleteMultipartUpload).
    static func isError(_ document: Data) -> Bool {
        String(decoding: document.prefix(512), as: UTF8.self).contains("<Error>")
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&#34;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
    }
}
