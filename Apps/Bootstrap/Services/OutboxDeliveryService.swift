import Domain
import Foundation
import Logging
import Metrics
import ServiceLifecycle

/// Delivers the outbox continuously: one batch after another while there is work, then a pause.
/// On graceful shutdown (SIGTERM) the batch in progress finishes and the loop ends; nothing is lost,
/// because undelivered jobs stay in the outbox. Runs in `switchboard-worker` and, in embedded mode, in the API.
public struct OutboxDeliveryService: Service {
    let delivery: NotificationDelivery
    let holder: String
    let interval: Duration
    let batchSize: Int
    let logger: Logger
    private let counters = OutboxCounters()

    public init(runtime: Runtime, interval: Duration = .seconds(2), batchSize: Int = 50, holder: String = OutboxDeliveryService.defaultHolder()) {
        delivery = NotificationDelivery(runtime.dependencies, notifier: runtime.notifier)
        self.holder = holder
        self.interval = interval
        self.batchSize = batchSize
        logger = runtime.logger
    }

    /// Unique per process: host, process id and a random suffix.
    public static func defaultHolder() -> String {
        "\(ProcessInfo.processInfo.hostName)-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"
    }

    public func run() async throws {
        logger.info("outbox delivery running", metadata: ["holder": "\(holder)"])
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            let report = await runBatch()
            // A full batch means more may be due: go again at once; otherwise wait (shutdown ends the wait).
            if report.claimed < batchSize {
                let pause = interval
                try? await cancelWhenGracefulShutdown { try await Task.sleep(for: pause) }
            }
        }
    }

    /// One pass; failures are logged and retried on the next pass (the outbox keeps the work).
    public func runBatch() async -> NotificationDelivery.Report {
        do {
            let report = try await delivery.deliverDue(holder: holder, limit: batchSize)
            counters.record(report)
            if report.claimed > 0 {
                logger.info("outbox batch", metadata: [
                    "delivered": "\(report.delivered)", "retried": "\(report.retried)", "failed": "\(report.failed)",
                ])
            }
            return report
        } catch {
            logger.error("outbox batch failed", metadata: ["error": "\(error)"])
            return .init()
        }
    }
}

/// What the outbox delivery did, for `/metrics`: a growing `failed` count means notifications need an operator.
struct OutboxCounters: Sendable {
    let delivered = Counter(label: "switchboard_outbox_delivered_total")
    let retried = Counter(label: "switchboard_outbox_retried_total")
    let failed = Counter(label: "switchboard_outbox_failed_total")

    func record(_ report: NotificationDelivery.Report) {
        delivered.increment(by: report.delivered)
        retried.increment(by: report.retried)
        failed.increment(by: report.failed)
    }
}
