import Domain
import Foundation
import Memory
import Testing

/// Upload, attach, see and clean up files through the use cases, on memory adapters and a manual clock.
@Suite struct AttachmentUseCaseTests {
    static let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) + Data((0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })

    struct Stage {
        let world: World
        let files: MemoryFileStore
        let attachments: AttachmentUseCases
        let ticket: Ticket

        static func make(limits: AttachmentLimits = .default) async throws -> Stage {
            let world = try await World.make()
            let files = MemoryFileStore()
            let ticket = try await world.openTicket()
            return Stage(world: world, files: files, attachments: AttachmentUseCases(world.deps, files: files, limits: limits), ticket: ticket)
        }

        func upload(_ data: Data, name: String = "shot.png", by actor: Actor? = nil, chunk: Int = 10_000) async throws -> Domain.Attachment {
            try await attachments.upload(ticket.id, filename: name, body: .bytes(data, chunkSize: chunk), actor: actor ?? world.customer)
        }
    }

    @Test func uploadStoresTheBytesWithTheirDigestAndDetectedType() async throws {
        let s = try await Stage.make()
        let attachment = try await s.upload(Self.png, name: "../../Screen shot.jpg")
        var hasher = SHA256()
        hasher.update(Self.png)
        #expect(attachment.contentType == "image/png" && attachment.kind == .image, "type from the magic bytes, not the .jpg name")
        #expect(attachment.size == Int64(Self.png.count) && attachment.sha256 == hasher.hexDigest(), "size and SHA-256 of what streamed")
        #expect(attachment.safeFilename == "Screen shot.jpg" && attachment.filename == "../../Screen shot.jpg", "names")
        #expect(attachment.messageID == nil, "a fresh upload is pending")
        let (_, stream) = try await s.attachments.content(attachment.id, actor: s.world.customer)
        #expect(try await stream.collect() == Self.png, "content(id:) should stream the uploaded bytes back")
        #expect(try await s.world.storage.attachment(id: attachment.id, in: s.world.org.id) == attachment, "the record is stored")
    }

    @Test func anOversizedImageIsRefusedWhileStreamingAndNothingIsKept() async throws {
        let s = try await Stage.make(limits: AttachmentLimits(imageBytes: 100_000, documentBytes: 1_000_000))
        await #expect(throws: DomainError.tooLarge(field: "file", maximumBytes: 100_000), "upload of a 300 KB png with a 100 KB image limit") {
            try await s.upload(Self.png)
        }
        #expect(await s.files.keys.isEmpty, "the partial object should be deleted")
        #expect(try await s.world.storage.attachments(ticket: s.ticket.id, in: s.world.org.id).isEmpty, "no record")
    }

    @Test func contentDecidesTheTypeNotTheName() async throws {
        let s = try await Stage.make()
        let exe = Data([0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]) + Data(count: 1000)
        let refusal = DomainError.validation([
            FieldViolation(field: "file", message: "is not an allowed file type (JPEG, PNG, GIF, WebP images; PDF or UTF-8 text documents)"),
        ])
        await #expect(throws: refusal, "upload of an executable named .png") { try await s.upload(exe, name: "cat.png") }
        // Text that turns binary after the sniffed prefix is refused too.
        let sneaky = Data(repeating: UInt8(ascii: "a"), count: 10_000) + Data([0, 1, 2])
        await #expect(throws: DomainError.self, "upload of text with a NUL after 10 KB") { try await s.upload(sneaky, name: "notes.txt") }
        #expect(await s.files.keys.isEmpty, "nothing stored for refused uploads")
    }

    @Test func onlyThoseWhoMayReplyOrNoteMayUpload() async throws {
        let s = try await Stage.make()
        await #expect(throws: DomainError.notFound(entity: "ticket"), "another customer uploads to c1's ticket") {
            try await s.upload(Self.png, by: s.world.otherCustomer)
        }
        await #expect(throws: DomainError.notFound(entity: "ticket"), "another organization's admin uploads") {
            try await s.upload(Self.png, by: s.world.outsider)
        }
        _ = try await s.upload(Self.png, by: s.world.agent1) // agents may add internal notes to any visible ticket
    }

    @Test func visibilityFollowsTheTicketTheMessageAndTheUploader() async throws {
        let s = try await Stage.make()
        let w = s.world
        let mine = try await s.upload(Self.png)
        let staffNote = try await s.upload(Self.png, by: w.agent1)
        let staffPending = try await s.upload(Self.png, by: w.agent1)
        _ = try await w.messages.post(s.ticket.id, body: "see attached", internal: false, attachmentIDs: [mine.id], actor: w.customer)
        _ = try await w.messages.post(s.ticket.id, body: "internal analysis", internal: true, attachmentIDs: [staffNote.id], actor: w.agent1)

        let customerSees = try await s.attachments.list(s.ticket.id, actor: w.customer).map(\.id)
        #expect(customerSees == [mine.id], "the customer sees their file, not the internal note's nor staff's pending one")
        #expect(try await s.attachments.list(s.ticket.id, actor: w.agent2).count == 3, "staff see every file of the ticket")
        for hidden in [staffNote.id, staffPending.id] {
            await #expect(throws: DomainError.notFound(entity: "attachment"), "customer reads a staff-only file") {
                try await s.attachments.content(hidden, actor: w.customer)
            }
        }
        await #expect(throws: DomainError.notFound(entity: "attachment"), "another customer reads c1's file") {
            try await s.attachments.attachment(mine.id, actor: w.otherCustomer)
        }
        await #expect(throws: DomainError.notFound(entity: "attachment"), "another organization reads c1's file") {
            try await s.attachments.attachment(mine.id, actor: w.outsider)
        }
        #expect(try await s.attachments.attachment(staffNote.id, actor: w.agent2).isInternal, "a note's file is internal")
    }

    @Test func aMessageTakesOnlyItsAuthorsPendingUploadsOfTheSameTicket() async throws {
        let s = try await Stage.make()
        let w = s.world
        let theirs = try await s.upload(Self.png, by: w.agent1)
        let other = try await w.openTicket("Another")
        let elsewhere = try await s.attachments.upload(other.id, filename: "x.png", body: .bytes(Self.png), actor: w.customer)
        let mine = try await s.upload(Self.png)
        await #expect(throws: DomainError.validation([
            FieldViolation(field: "attachmentIds[0]", message: "is not a file you uploaded to this ticket"),
            FieldViolation(field: "attachmentIds[1]", message: "is not a file you uploaded to this ticket"),
            FieldViolation(field: "attachmentIds[3]", message: "is already attached to a message"),
        ]), "post with someone else's upload, another ticket's, then one listed twice") {
            try await w.messages.post(s.ticket.id, body: "hi", internal: false, attachmentIDs: [theirs.id, elsewhere.id, mine.id, mine.id], actor: w.customer)
        }
        _ = try await w.messages.post(s.ticket.id, body: "hi", internal: false, attachmentIDs: [mine.id], actor: w.customer)
        await #expect(throws: DomainError.self, "a second message with the same upload") {
            try await w.messages.post(s.ticket.id, body: "again", internal: false, attachmentIDs: [mine.id], actor: w.customer)
        }
    }

    @Test func cleanupDeletesOnlyStalePendingUploads() async throws {
        let s = try await Stage.make()
        let w = s.world
        let used = try await s.upload(Self.png)
        let stale = try await s.upload(Self.png)
        _ = try await w.messages.post(s.ticket.id, body: "with file", internal: false, attachmentIDs: [used.id], actor: w.customer)
        w.clock.advance(by: 3600)
        let fresh = try await s.upload(Self.png)

        #expect(try await s.attachments.cleanUpPendingUploads(olderThan: .seconds(3600)) == 0, "nothing is older than an hour yet (strictly older)")
        w.clock.advance(by: 1)
        #expect(try await s.attachments.cleanUpPendingUploads(olderThan: .seconds(3600)) == 1, "the stale upload goes")
        #expect(try await w.storage.attachment(id: stale.id, in: w.org.id) == nil, "its record is gone")
        #expect(await s.files.keys == [used.fileKey, fresh.fileKey].sorted { $0.value < $1.value }, "its object is gone; the used and the fresh stay")
        #expect(try await s.attachments.cleanUpPendingUploads(olderThan: .seconds(3600)) == 0, "a second pass finds nothing")
    }
}
