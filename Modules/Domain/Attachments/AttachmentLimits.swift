/// Size limits of uploads (§3 Files), configurable per install.
public struct AttachmentLimits: Sendable, Equatable {
    /// Largest image (JPEG, PNG, GIF, WebP); §3 default 5 MB.
    public var imageBytes: Int64
    /// Largest document (PDF, text); §3 default 25 MB.
    public var documentBytes: Int64

    /// §3: the hard cap is configurable up to 100 MB; no kind may exceed it.
    public static let hardCapBytes: Int64 = 100 * 1024 * 1024
    /// At most this many attachments on one message.
    public static let perMessage = 10

    /// §3 defaults.
    public static let `default` = AttachmentLimits(imageBytes: 5 * 1024 * 1024, documentBytes: 25 * 1024 * 1024)

    /// Limits as given; `validated()` checks them against the hard cap.
    public init(imageBytes: Int64, documentBytes: Int64) {
        self.imageBytes = imageBytes
        self.documentBytes = documentBytes
    }

    /// The limits if each is 1 byte … 100 MB; otherwise a violation per offending field.
    public func validated() throws(DomainError) -> AttachmentLimits {
        var v = Validator()
        if !(1...Self.hardCapBytes).contains(imageBytes) { v.fail("imageBytes", "must be 1 to \(Self.hardCapBytes) bytes") }
        if !(1...Self.hardCapBytes).contains(documentBytes) { v.fail("documentBytes", "must be 1 to \(Self.hardCapBytes) bytes") }
        try v.check()
        return self
    }

    /// The limit of one kind.
    public func maximumBytes(for kind: AttachmentKind) -> Int64 {
        switch kind {
        case .image: imageBytes
        case .document: documentBytes
        }
    }

    /// The largest upload any kind allows (what a request body may carry, plus multipart framing).
    public var largestBytes: Int64 { max(imageBytes, documentBytes) }
}
