import Foundation

/// `Content-Disposition: attachment` with a filename every client reads safely (RFC 6266): an ASCII
/// `filename="…"` fallback (non-ASCII, quotes and backslashes replaced) plus the exact name as `filename*`
/// (RFC 8187, UTF-8, percent-encoded). Nothing a client sends can break out of the header.
enum ContentDisposition {
    static func attachment(filename: String) -> String {
        let fallback = String(String.UnicodeScalarView(filename.unicodeScalars.map { scalar in
            (0x20..<0x7F).contains(scalar.value) && scalar != "\"" && scalar != "\\" ? scalar : "_"
        }))
        return "attachment; filename=\"\(fallback)\"; filename*=UTF-8''\(percentEncoded(filename))"
    }

    /// RFC 8187 `attr-char` kept, every other byte of the UTF-8 encoding as `%XX`.
    static func percentEncoded(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "+"), UInt8(ascii: "-"),
                UInt8(ascii: "."), UInt8(ascii: "^"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "|"), UInt8(ascii: "~"):
                out.append(Character(Unicode.Scalar(byte)))
            default:
                out += String(format: "%%%02X", byte)
            }
        }
        return out
    }
}
