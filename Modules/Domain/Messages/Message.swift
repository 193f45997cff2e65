import Foundation

/// One entry in a ticket's thread.
public struct Message: Sendable, Equatable {
    /// Who wrote it, as shown in the thread.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case customer, agent, admin, system
    }

    public let id: MessageID
    public let organizationID: OrganizationID
    public let ticketID: TicketID
    /// `nil` for system messages.
    public let authorID: UserID?
    public let kind: Kind
    public let body: String
    /// Internal notes are for staff only and never reach customers (§3, §14).
    public let isInternal: Bool
    public let attachmentIDs: [FileID]
    public let createdAt: Date

    /// 50 KB of UTF-8 text.
    public static let maximumBodyBytes = 50 * 1024

    public init(
        id: MessageID, organizationID: OrganizationID, ticketID: TicketID, authorID: UserID?, kind: Kind, body: String,
        isInternal: Bool, attachmentIDs: [FileID] = [], createdAt: Date
    ) {
        self.id = id
        self.organizationID = organizationID
        self.ticketID = ticketID
        self.authorID = authorID
        self.kind = kind
        self.body = body
        self.isInternal = isInternal
        self.attachmentIDs = attachmentIDs
        self.createdAt = createdAt
    }
}
