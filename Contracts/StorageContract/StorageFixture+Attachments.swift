import Domain
import Foundation

extension StorageFixture.Tenant {
    /// A pending attachment of `ticket` uploaded by `uploader`, with every field set; ids from `space`.
    func newAttachment(
        on ticket: Ticket, by uploader: User, space: UInt64, index: Int, minutes: Int, scrambled: Bool = false
    ) -> Attachment {
        let id: AttachmentID = scrambled ? FixtureID.scrambled(space, index) : FixtureID.make(space, index)
        return Attachment(
            id: id, organizationID: organization.id, ticketID: ticket.id, uploaderID: uploader.id,
            filename: "../Screen shot \(index) «ü».png", safeFilename: "Screen shot \(index) «ü».png", contentType: "image/png",
            kind: index.isMultiple(of: 2) ? .image : .document, size: 1_000_000_000_000 + Int64(index),
            sha256: String(repeating: "ab", count: 32), fileKey: Attachment.fileKey(organization: organization.id, id: id),
            createdAt: FixtureTime.at(minutes: minutes, milliseconds: 123)
        )
    }
}
