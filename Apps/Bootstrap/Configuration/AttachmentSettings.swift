import Domain

/// Upload limits and the lifetime of pending uploads (§3 Files):
/// `SWITCHBOARD_ATTACHMENT_IMAGE_MAX_BYTES` (default 5 MB), `SWITCHBOARD_ATTACHMENT_DOCUMENT_MAX_BYTES`
/// (default 25 MB), each at most 100 MB (the hard cap), and `SWITCHBOARD_ATTACHMENT_PENDING_SECONDS`
/// (default 86400): how long an upload no message took is kept before the cleanup job deletes it.
public struct AttachmentSettings: Sendable, Equatable {
    public var limits: AttachmentLimits = .default
    public var pendingLifetimeSeconds: Int = 24 * 3600

    public init(limits: AttachmentLimits = .default, pendingLifetimeSeconds: Int = 24 * 3600) {
        self.limits = limits
        self.pendingLifetimeSeconds = pendingLifetimeSeconds
    }

    /// A byte count of 1 … 100 MB (written as digits).
    static func byteCount(_ text: String) throws(InvalidValue) -> Int64 {
        guard text.utf8.allSatisfy({ (48...57).contains($0) }), let value = Int64(text), (1...AttachmentLimits.hardCapBytes).contains(value) else {
            throw InvalidValue("\"\(text)\" is not a byte count from 1 to \(AttachmentLimits.hardCapBytes) (100 MB, the hard cap)")
        }
        return value
    }

    /// A positive number of seconds.
    static func seconds(_ text: String) throws(InvalidValue) -> Int {
        guard text.utf8.allSatisfy({ (48...57).contains($0) }), let value = Int(text), value > 0 else {
            throw InvalidValue("\"\(text)\" is not a positive number of seconds")
        }
        return value
    }
}
