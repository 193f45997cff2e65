import Domain
import Foundation
import Logging
import ServiceLifecycle

/// Runs the SLA sweep continuously (§6: warnings and breaches detected at least every minute): one batch
/// after another while due records remain, then a pause. Any number of these may run, in one process or
/// many, against one store: each crossing is reported once (see `SLASweepUseCases`). On graceful
/// shutdown the batch in progress finishes and the loop ends. Runs in `switchboard-worker` and, in
/// embedded mode, in the API.
public struct SLASweepService: Service {
    let sweep: SLASweepUseCases
    let interval: Duration
    let batchSize: Int
    let logger: Logger

    /// The sweep over the runtime's dependencies.
    public init(runtime: Runtime, interval: Duration = .seconds(30), batchSize: Int = 100) {
        self.init(dependencies: runtime.dependencies, logger: runtime.logger, interval: interval, batchSize: batchSize)
    }

    /// The sweep over any dependencies (tests run two over one memory store with a manual clock).
    public init(dependencies: Dependencies, logger: Logger, interval: Duration = .seconds(30), batchSize: Int = 100) {
        sweep = SLASweepUseCases(dependencies)
        self.interval = interval
        self.batchSize = batchSize
        self.logger = logger
    }

    public func run() async throws {
        logger.info("sla sweep running", metadata: ["interval": "\(interval)"])
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            _ = await runPass()
            let pause = interval
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: pause) }
        }
    }

    /// One pass: batches until one is not full (nothing more is due now), merged into one report.
    /// Failures are logged; the records stay due, so the next pass tries again.
    public func runPass() async -> SLASweepUseCases.Report {
        var total = SLASweepUseCases.Report()
        // A record that stays due (its ticket vanished) must not keep a pass going forever.
        for _ in 0..<1_000 {
            let report: SLASweepUseCases.Report
            do {
                report = try await sweep.sweep(limit: batchSize)
            } catch {
                logger.error("sla sweep failed", metadata: ["error": "\(error)"])
                break
            }
            total.examined += report.examined
            total.conflicts += report.conflicts
            total.reported.merge(report.reported) { $0 + $1 }
            total.escalated += report.escalated
            total.problems += report.problems
            for problem in report.problems { logger.warning("sla sweep problem", metadata: ["problem": "\(problem)"]) }
            if !report.reported.isEmpty {
                logger.info("sla crossings reported", metadata: [
                    "tickets": "\(report.reported.count)", "escalated": "\(report.escalated.count)", "conflicts": "\(report.conflicts)",
                ])
            }
            if !report.filled(batchSize) || (report.reported.isEmpty && report.conflicts == 0 && !report.problems.isEmpty) { break }
        }
        return total
    }
}
