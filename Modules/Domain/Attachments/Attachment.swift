import Foundation

/// Attachments are files: the id a message lists in `attachmentIDs` is the attachment's id.
public typealias AttachmentID = FileID

/// A file uploaded to a ticket (§3 Files). Its bytes live in the file store under `fileKey`;
/// this record says who may see them and what they are.
public struct Attachment: Sendable, Equatable {
    public let id: AttachmentID
    public let organizationID: OrganizationID
    public let ticketID: TicketID
    public let uploaderID: UserID
    /// The message it is attached to; `nil` while it is a pending upload (cleaned up when never used).
    public var messageID: MessageID?
    /// Attached to an internal note: staff only, like the note (§3, §14).
    public var isInternal: Bool
    /// The name the client gave, kept for display; never used in a header or a path.
    public let filename: String
    /// `filename` made safe for `Content-Disposition` (see `SafeFilename`).
    public let safeFilename: String
    /// Decided from the content (magic bytes), never from the name or the client's claim.
    public let contentType: String
    public let kind: AttachmentKind
    public let size: Int64
    /// SHA-256 of the content, 64 lower-case hex digits.
    public let sha256: String
    public let fileKey: FileKey
    public let createdAt: Date

    public init(
        id: AttachmentID, organizationID: OrganizationID, ticketID: TicketID, uploaderID: UserID, messageID: MessageID? = nil,
        isInternal: Bool = false, filename: String, safeFilename: String, contentType: String, kind: AttachmentKind, size: Int64,
        sha256: String, fileKey: FileKey, createdAt: Date
    ) {
        self.id = id
        self.organizationID = organizationID
        self.ticketID = ticketID
        self.uploaderID = uploaderID
        self.messageID = messageID
        self.isInternal = isInternal
        self.filename = filename
        self.safeFilename = safeFilename
        self.contentType = contentType
        self.kind = kind
        self.size = size
        self.sha256 = sha256
        self.fileKey = fileKey
        self.createdAt = createdAt
    }

    /// The file-store key of an attachment: opaque, derived from ids only (never from the filename).
    public static func fileKey(organization: OrganizationID, id: AttachmentID) -> FileKey {
        // Ids are lower-case hex and dashes, always a valid key.
        try! FileKey("attachments/\(organization.description)/\(id.description)")
    }
}

/// The size class of a file (§3): images and documents have separate limits.
public enum AttachmentKind: String, Sendable, Codable, CaseIterable {
    case image
    case document
}
