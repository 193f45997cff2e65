import Foundation

/// Decides what a file is from its first bytes (§3: by content, not by name). Only the types §3 allows
/// are recognised — images JPEG, PNG, GIF, WebP; documents PDF and UTF-8 text — and anything else is refused.
public enum ContentTypeDetector {
    /// How many leading bytes `detect` wants to see (fewer only when the file is shorter).
    public static let sniffLength = 4096

    /// A recognised type.
    public struct Detection: Sendable, Equatable {
        public let contentType: String
        public let kind: AttachmentKind
        /// Text must stay valid UTF-8 to its end; the uploader keeps checking while it streams.
        public let isText: Bool

        public init(contentType: String, kind: AttachmentKind, isText: Bool = false) {
            self.contentType = contentType
            self.kind = kind
            self.isText = isText
        }
    }

    /// The type of a file starting with `prefix`, or `nil` when it is not an allowed type.
    /// `filename` only picks the text subtype (`.csv` is `text/csv`); it never makes a binary acceptable.
    public static func detect(prefix: Data, filename: String) -> Detection? {
        let bytes = [UInt8](prefix.prefix(sniffLength))
        func starts(_ magic: [UInt8], at offset: Int = 0) -> Bool {
            bytes.count >= offset + magic.count && Array(bytes[offset..<(offset + magic.count)]) == magic
        }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return Detection(contentType: "image/png", kind: .image) }
        if starts([0xFF, 0xD8, 0xFF]) { return Detection(contentType: "image/jpeg", kind: .image) }
        if starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8)) { return Detection(contentType: "image/gif", kind: .image) }
        if starts(Array("RIFF".utf8)), starts(Array("WEBP".utf8), at: 8) { return Detection(contentType: "image/webp", kind: .image) }
        if starts(Array("%PDF-".utf8)) { return Detection(contentType: "application/pdf", kind: .document) }
        guard !bytes.isEmpty, isText(bytes) else { return nil }
        let type = filename.lowercased().hasSuffix(".csv") ? "text/csv; charset=utf-8" : "text/plain; charset=utf-8"
        return Detection(contentType: type, kind: .document, isText: true)
    }

    /// Valid UTF-8 without NUL; a sequence cut by the end of the sniffed prefix is fine (the rest streams).
    private static func isText(_ bytes: [UInt8]) -> Bool {
        var validator = UTF8Validator()
        return bytes.withUnsafeBytes { validator.feed($0) }
    }
}
