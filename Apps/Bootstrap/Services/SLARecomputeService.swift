import Domain
import Foundation
import Logging
import ServiceLifecycle

/// Runs the `recompute_sla` jobs that SLA policy and business-hours changes enqueue (issue 8): one page of tickets
/// per claim, claims until none is due, then a pause. Any number may run in several processes: pages are leased, and
/// a page whose worker died is claimed again once its lease expires (see `SLARecomputeUseCases`). Runs in
/// `switchboard-worker` and, in embedded mode, in the API.
public struct SLARecomputeService: Service {
    let recompute: SLARecomputeUseCases
    let holder: String
    let interval: Duration
    let batchSize: Int
    let logger: Logger

    /// The service over the runtime's dependencies.
    public init(runtime: Runtime, interval: Duration = .seconds(2), batchSize: Int = 200) {
        self.init(dependencies: runtime.dependencies, logger: runtime.logger, interval: interval, batchSize: batchSize)
    }

    /// The service over any dependencies.
    public init(dependencies: Dependencies, logger: Logger, interval: Duration = .seconds(2), batchSize: Int = 200) {
        recompute = SLARecomputeUseCases(dependencies)
        holder = "sla-recompute-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)"
        self.interval = interval
        self.batchSize = batchSize
        self.logger = logger
    }

    public func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            _ = await runPass()
            let pause = interval
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: pause) }
        }
    }

    /// Pages until no job is due; failures are logged and the jobs stay (their leases expire) for the next pass.
    public func runPass() async -> SLARecomputeUseCases.Report {
        var total = SLARecomputeUseCases.Report()
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            let report: SLARecomputeUseCases.Report
            do {
                report = try await recompute.runJobs(holder: holder, batchSize: batchSize)
            } catch {
                logger.error("sla recompute failed", metadata: ["error": "\(error)"])
                break
            }
            guard report.pages > 0 else { break }
            total.examined += report.examined
            total.updated += report.updated
            total.conflicts += report.conflicts
            total.pages += report.pages
            total.finished += report.finished
        }
        if total.pages > 0 {
            logger.info("sla records recomputed", metadata: [
                "pages": "\(total.pages)", "updated": "\(total.updated)", "conflicts": "\(total.conflicts)", "walks": "\(total.finished)",
            ])
        }
        return total
    }
}
