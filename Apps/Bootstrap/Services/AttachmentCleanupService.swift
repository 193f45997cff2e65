import Domain
import Foundation
import Logging
import ServiceLifecycle

/// Deletes uploads that no message took within the configured time (`SWITCHBOARD_ATTACHMENT_PENDING_SECONDS`):
/// one pass, then a pause. Several processes may run it: the storage refuses to delete an upload that was
/// attached meanwhile, and deleting an absent one is harmless. Runs in `switchboard-worker` and, in
/// embedded mode, in the API. On graceful shutdown the pass in progress finishes and the loop ends.
public struct AttachmentCleanupService: Service {
    let attachments: AttachmentUseCases
    let maximumAge: Duration
    let interval: Duration
    let batchSize: Int
    let logger: Logger

    public init(runtime: Runtime, interval: Duration = .seconds(60), batchSize: Int = 100) {
        attachments = AttachmentUseCases(runtime.dependencies, files: runtime.files, limits: runtime.settings.attachments.limits)
        maximumAge = .seconds(runtime.settings.attachments.pendingLifetimeSeconds)
        self.interval = interval
        self.batchSize = batchSize
        logger = runtime.logger
    }

    public func run() async throws {
        logger.info("attachment cleanup running", metadata: ["pendingSeconds": "\(maximumAge.components.seconds)"])
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            let deleted = await runPass()
            // A full batch means more may be stale: go again at once; otherwise wait (shutdown ends the wait).
            if deleted < batchSize {
                let pause = interval
                try? await cancelWhenGracefulShutdown { try await Task.sleep(for: pause) }
            }
        }
    }

    /// One pass; failures are logged and retried on the next pass. Returns how many uploads it deleted.
    @discardableResult
    public func runPass() async -> Int {
        do {
            let deleted = try await attachments.cleanUpPendingUploads(olderThan: maximumAge, batchSize: batchSize)
            if deleted > 0 { logger.info("unused uploads deleted", metadata: ["count": "\(deleted)"]) }
            return deleted
        } catch {
            logger.error("attachment cleanup failed", metadata: ["error": "\(error)"])
            return 0
        }
    }
}
