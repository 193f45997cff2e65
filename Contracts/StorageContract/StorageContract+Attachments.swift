import Domain
import Foundation
import Testing

extension StorageContract {
    /// Attachment records: pending uploads, attaching once, cleanup of what no message took (§3 Files).
    static let attachmentCases: [StorageContractCase] = [
        StorageContractCase("attachments: round trip, per-ticket list in (createdAt, id) order, invisible to other organizations") { storage, _ in
            let fixture = StorageFixture.canonical
            try await fixture.seed(into: storage)
            let a = fixture.first, b = fixture.second
            let ticket = a.fullTicket
            // Two share an instant so the id breaks the tie; insertion order differs from list order.
            let late = a.newAttachment(on: ticket, by: a.customer, space: 7_700, index: 0, minutes: 30)
            let tieHigh = a.newAttachment(on: ticket, by: a.agent, space: 7_700, index: 5, minutes: 20)
            let tieLow = a.newAttachment(on: ticket, by: a.customer, space: 7_700, index: 1, minutes: 20)
            let other = a.newAttachment(on: a.tickets[0], by: a.customer, space: 7_700, index: 2, minutes: 10)
            let foreign = b.newAttachment(on: b.fullTicket, by: b.customer, space: 7_750, index: 0, minutes: 5)
            _ = try await storage.commit(UnitOfWork([late, tieHigh, tieLow, other].map { .insertAttachment($0) }))
            _ = try await storage.commit(UnitOfWork([.insertAttachment(foreign)]))

            #expect(try await storage.attachment(id: late.id, in: a.organization.id) == late, "attachment(id:) should read back every field as written")
            #expect(try await storage.attachment(id: foreign.id, in: a.organization.id) == nil, "attachment(id:) of globex's file in acme should be nil")
            #expect(try await storage.attachment(id: FixtureID.make(7_799, 0), in: a.organization.id) == nil, "attachment(id:) of an unknown id should be nil")
            #expect(
                try await storage.attachments(ticket: ticket.id, in: a.organization.id) == [tieLow, tieHigh, late],
                "attachments(ticket: acme full ticket) should be in (createdAt, id) order"
            )
            #expect(try await storage.attachments(ticket: b.fullTicket.id, in: a.organization.id).isEmpty, "attachments(ticket: globex's) in acme should be empty")
            #expect(try await storage.attachments(ticket: b.fullTicket.id, in: b.organization.id) == [foreign], "attachments(ticket:) in globex should list its own file")
        },
        StorageContractCase("attachments: insert needs its ticket in its organization; a reused id is a duplicate; failed units write nothing") { storage, _ in
            let fixture = StorageFixture.canonical
            try await fixture.seed(into: storage)
            let a = fixture.first, b = fixture.second
            let stored = a.newAttachment(on: a.fullTicket, by: a.customer, space: 7_710, index: 0, minutes: 1)
            _ = try await storage.commit(UnitOfWork([.insertAttachment(stored)]))

            var crossTenant = a.newAttachment(on: b.fullTicket, by: a.customer, space: 7_710, index: 1, minutes: 2)
            await expectStorageError(.missing, "commit(insertAttachment on globex's ticket in acme)") {
                try await storage.commit(UnitOfWork([.insertAttachment(crossTenant)]))
            }
            crossTenant = a.newAttachment(on: a.newTicket(space: 7_711, index: 0), by: a.customer, space: 7_710, index: 2, minutes: 2)
            await expectStorageError(.missing, "commit(insertAttachment on an absent ticket)") {
                try await storage.commit(UnitOfWork([.insertAttachment(crossTenant)]))
            }
            let fresh = a.newAttachment(on: a.fullTicket, by: a.agent, space: 7_710, index: 3, minutes: 3)
            await expectStorageError(.duplicate(.primaryKey), "commit(insertAttachment fresh, insertAttachment with a stored id)") {
                try await storage.commit(UnitOfWork([.insertAttachment(fresh), .insertAttachment(stored)]))
            }
            #expect(try await storage.attachment(id: fresh.id, in: a.organization.id) == nil, "attachment(id:) of a failed unit's insert should be nil")
            #expect(try await storage.attachments(ticket: a.fullTicket.id, in: a.organization.id) == [stored], "attachments(ticket:) after failed units should be unchanged")
        },
        StorageContractCase("attachments: attach once to a message with its internal flag; again is a conflict, absent is missing") { storage, _ in
            let fixture = StorageFixture.canonical
            try await fixture.seed(into: storage)
            let a = fixture.first, b = fixture.second
            let org = a.organization.id
            let note = try #require(a.messages.first { $0.isInternal }, "fixture: acme should have an internal note")
            let reply = try #require(a.messages.first { !$0.isInternal }, "fixture: acme should have a reply")
            let file = a.newAttachment(on: a.fullTicket, by: a.agent, space: 7_720, index: 0, minutes: 1)
            let other = a.newAttachment(on: a.fullTicket, by: a.customer, space: 7_720, index: 1, minutes: 2)
            _ = try await storage.commit(UnitOfWork([.insertAttachment(file), .insertAttachment(other)]))

            _ = try await storage.commit(UnitOfWork([.attachAttachment(file.id, organizationID: org, messageID: note.id, isInternal: true)]))
            var expected = file
            expected.messageID = note.id
            expected.isInternal = true
            #expect(try await storage.attachment(id: file.id, in: org) == expected, "attachment(id:) after attachAttachment(internal note) should carry the message and the internal flag")

            await expectStorageError(.versionConflict, "commit(attachAttachment of an already attached file)") {
                try await storage.commit(UnitOfWork([.attachAttachment(file.id, organizationID: org, messageID: reply.id, isInternal: false)]))
            }
            await expectStorageError(.missing, "commit(attachAttachment of an absent id)") {
                try await storage.commit(UnitOfWork([.attachAttachment(FixtureID.make(7_729, 0), organizationID: org, messageID: reply.id, isInternal: false)]))
            }
            await expectStorageError(.missing, "commit(attachAttachment of acme's file named in globex)") {
                try await storage.commit(UnitOfWork([.attachAttachment(other.id, organizationID: b.organization.id, messageID: reply.id, isInternal: false)]))
            }
            // A unit that fails later leaves the earlier attach undone.
            await expectStorageError(.versionConflict, "commit(attachAttachment other, attachAttachment file again)") {
                try await storage.commit(UnitOfWork([
                    .attachAttachment(other.id, organizationID: org, messageID: reply.id, isInternal: false),
                    .attachAttachment(file.id, organizationID: org, messageID: reply.id, isInternal: false),
                ]))
            }
            #expect(try await storage.attachment(id: other.id, in: org) == other, "attachment(id:) of a failed unit's attach should still be pending")
            #expect(try await storage.attachment(id: file.id, in: org) == expected, "attachment(id:) after refused attaches should be unchanged")
        },
        StorageContractCase("attachments: unattached uploads strictly before the cutoff, across organizations, oldest then id, limited") { storage, _ in
            let fixture = StorageFixture.canonical
            try await fixture.seed(into: storage)
            let a = fixture.first, b = fixture.second
            let reply = try #require(a.messages.first { !$0.isInternal }, "fixture: acme should have a reply")
            let oldest = b.newAttachment(on: b.fullTicket, by: b.customer, space: 7_730, index: 0, minutes: -50)
            let tieLow = a.newAttachment(on: a.fullTicket, by: a.customer, space: 7_731, index: 1, minutes: -40)
            let tieHigh = a.newAttachment(on: a.fullTicket, by: a.customer, space: 7_731, index: 2, minutes: -40)
            let attached = a.newAttachment(on: a.fullTicket, by: a.customer, space: 7_731, index: 3, minutes: -45)
            let atCutoff = a.newAttachment(on: a.fullTicket, by: a.customer, space: 7_731, index: 4, minutes: 0)
            let recent = a.newAttachment(on: a.fullTicket, by: a.customer, space: 7_731, index: 5, minutes: 10)
            _ = try await storage.commit(UnitOfWork([recent, tieHigh, atCutoff, attached, tieLow].map { .insertAttachment($0) }))
            _ = try await storage.commit(UnitOfWork([.insertAttachment(oldest)]))
            _ = try await storage.commit(UnitOfWork([.attachAttachment(attached.id, organizationID: a.organization.id, messageID: reply.id, isInternal: false)]))

            let cutoff = atCutoff.createdAt
            #expect(
                try await storage.unattachedAttachments(createdBefore: cutoff, limit: 10) == [oldest, tieLow, tieHigh],
                "unattachedAttachments(createdBefore: cutoff, limit: 10) should be the pending ones strictly older, oldest then id, every organization"
            )
            #expect(try await storage.unattachedAttachments(createdBefore: cutoff, limit: 2) == [oldest, tieLow], "unattachedAttachments(limit: 2) should be the first two")
            #expect(try await storage.unattachedAttachments(createdBefore: cutoff, limit: 0).isEmpty, "unattachedAttachments(limit: 0) should be empty")
        },
        StorageContractCase("attachments: deleting a pending upload removes it; an attached one is a conflict; an absent one is fine") { storage, _ in
            let fixture = StorageFixture.canonical
            try await fixture.seed(into: storage)
            let a = fixture.first, b = fixture.second
            let org = a.organization.id
            let reply = try #require(a.messages.first { !$0.isInternal }, "fixture: acme should have a reply")
            let pending = a.newAttachment(on: a.fullTicket, by: a.customer, space: 7_740, index: 0, minutes: 1)
            let used = a.newAttachment(on: a.fullTicket, by: a.customer, space: 7_740, index: 1, minutes: 2)
            _ = try await storage.commit(UnitOfWork([.insertAttachment(pending), .insertAttachment(used)]))
            _ = try await storage.commit(UnitOfWork([.attachAttachment(used.id, organizationID: org, messageID: reply.id, isInternal: false)]))

            _ = try await storage.commit(UnitOfWork([.deletePendingAttachment(pending.id, organizationID: b.organization.id)]))
            #expect(try await storage.attachment(id: pending.id, in: org) == pending, "deletePendingAttachment named in globex should leave acme's file")
            _ = try await storage.commit(UnitOfWork([.deletePendingAttachment(pending.id, organizationID: org)]))
            #expect(try await storage.attachment(id: pending.id, in: org) == nil, "attachment(id:) after deletePendingAttachment should be nil")
            _ = try await storage.commit(UnitOfWork([.deletePendingAttachment(pending.id, organizationID: org)]))
            await expectStorageError(.versionConflict, "commit(deletePendingAttachment of an attached file)") {
                try await storage.commit(UnitOfWork([.deletePendingAttachment(used.id, organizationID: org)]))
            }
            #expect(try await storage.attachments(ticket: a.fullTicket.id, in: org).map(\.id) == [used.id], "attachments(ticket:) should keep the attached file")
        },
    ]
}
