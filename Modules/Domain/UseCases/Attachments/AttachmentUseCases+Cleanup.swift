import Foundation

extension AttachmentUseCases {
    /// Deletes pending uploads created more than `maximumAge` ago that no message took: first the record
    /// (a concurrent attach wins: that record stays), then the object. Returns how many it deleted.
    /// Repeatable and safe to run in several processes; an object that fails to delete is left for the
    /// store's own hygiene rather than keeping a record that points nowhere.
    public func cleanUpPendingUploads(olderThan maximumAge: Duration, batchSize: Int = 100) async throws(DomainError) -> Int {
        let seconds = Double(maximumAge.components.seconds) + Double(maximumAge.components.attoseconds) / 1e18
        let cutoff = deps.clock.now().addingTimeInterval(-seconds)
        let stale = try await deps.read { try await $0.unattachedAttachments(createdBefore: cutoff, limit: batchSize) }
        var deleted = 0
        for attachment in stale {
            do {
                _ = try await deps.storage.commit(UnitOfWork([.deletePendingAttachment(attachment.id, organizationID: attachment.organizationID)]))
            } catch StorageError.versionConflict {
                continue // attached meanwhile: it is in use now
            } catch {
                throw DomainError(storageFailure: error)
            }
            try? await files.delete(attachment.fileKey)
            deleted += 1
        }
        return deleted
    }
}
