import Foundation

/// The words of one kind of notification, with `{{placeholder}}` slots filled from a context.
/// Values are inserted as they are into the subject and text, and HTML-escaped into the HTML body,
/// so that a customer's "<script>" in a subject arrives as text.
public struct NotificationTemplate: Sendable, Equatable, Codable {
    public var subject: String
    public var text: String
    public var html: String

    public init(subject: String, text: String, html: String) {
        self.subject = subject
        self.text = text
        self.html = html
    }

    public struct Rendered: Sendable, Equatable {
        public let subject: String
        public let text: String
        public let html: String
    }

    public func render(_ values: [String: String]) -> Rendered {
        Rendered(
            subject: Self.fill(subject, values, escape: { $0 }).replacingLineBreaks(),
            text: Self.fill(text, values, escape: { $0 }),
            html: Self.fill(html, values, escape: Self.escapeHTML)
        )
    }

    /// Replaces every `{{name}}` with its value; unknown names become empty (a template typo must not leak
    /// the braces to customers).
    static func fill(_ template: String, _ values: [String: String], escape: (String) -> String) -> String {
        var out = ""
        var rest = Substring(template)
        while let open = rest.range(of: "{{") {
            out += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                out += rest[open.lowerBound...]
                return out
            }
            let name = rest[open.upperBound..<close.lowerBound].trimmingWhitespace()
            out += escape(values[name] ?? "")
            rest = rest[close.upperBound...]
        }
        return out + rest
    }

    static func escapeHTML(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for ch in text {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(ch)
            }
        }
        return out
    }
}

extension String {
    /// Mail subjects are one line: header injection through a newline in a placeholder is impossible.
    func replacingLineBreaks() -> String {
        String(map { $0.isNewline ? " " : $0 })
    }
}
