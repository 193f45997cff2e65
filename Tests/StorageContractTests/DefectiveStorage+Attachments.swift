import Domain
import Foundation
import Memory

extension DefectiveStorage {
    // MARK: attachments

    func attachment(id: AttachmentID, in organization: OrganizationID) async throws -> Domain.Attachment? {
        try await read(nil) {
            for org in try await searched(organization) {
                if let found = try await inner.attachment(id: id, in: org) { return found }
            }
            return nil
        }
    }

    func attachments(ticket: TicketID, in organization: OrganizationID) async throws -> [Domain.Attachment] {
        try await read([]) {
            for org in try await searched(organization) {
                let found = try await inner.attachments(ticket: ticket, in: org)
                if !found.isEmpty { return found }
            }
            return []
        }
    }

    func unattachedAttachments(createdBefore: Date, limit: Int) async throws -> [Domain.Attachment] {
        try await read([]) { try await inner.unattachedAttachments(createdBefore: createdBefore, limit: limit) }
    }
}
