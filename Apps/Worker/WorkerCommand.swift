import ArgumentParser
import Bootstrap
import Domain
import Foundation
import Logging
import ServiceLifecycle
import UnixSignals

/// `switchboard-worker`: runs the background jobs (notification delivery, auto-assignment, the SLA sweep, the SLA
/// recompute after configuration changes and the real-time event relay) against the configured database. Any number of workers may run against one
/// Postgres: jobs are leased, so none is processed by two workers at once, and every assignment commits under
/// the capacity and version guards of `AssignmentUseCases`.
@main
struct WorkerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "switchboard-worker",
        abstract: "Run Switchboard's background jobs until SIGTERM (finishes the current batch, then exits 0)."
    )

    @Option(help: "Seconds between passes when there is no work.") var interval: Double = 2
    @Option(help: "Jobs claimed per batch.") var batchSize = 50
    @Option(help: "Seconds between SLA sweeps (SPEC §6: at least every minute).") var slaInterval: Double = 30
    @Flag(help: "Run one pass of every job and exit (for cron and tests).") var once = false
    @Option(help: "Seconds between auto-assignment passes (default: SWITCHBOARD_ASSIGNMENT_INTERVAL, else 2).")
    var assignmentInterval: Double?

    func validate() throws {
        guard interval > 0 else { throw ValidationError("--interval must be positive") }
        guard (1...1000).contains(batchSize) else { throw ValidationError("--batch-size must be 1 to 1000") }
        if let assignmentInterval, assignmentInterval <= 0 { throw ValidationError("--assignment-interval must be positive") }
        guard slaInterval > 0 && slaInterval <= 60 else { throw ValidationError("--sla-interval must be more than 0 and at most 60 seconds") }
    }

    func run() async throws {
        // A closed stdout must fail a delivery (and be retried), not kill the worker.
        signal(SIGPIPE, SIG_IGN)
        let settings = Settings.loadOrExit()
        var logger = Logger(label: "switchboard.worker")
        logger.logLevel = settings.logLevel
        do {
            if once {
                try await Runtime.with(settings: settings, logger: logger) { runtime in
                    let assigned = await AssignmentService(runtime: runtime).runPass()
                    FileHandle.standardError.write(Data("assigned \(assigned.assigned), skipped \(assigned.skipped), waiting \(assigned.waiting)\n".utf8))
                    let report = await OutboxDeliveryService(runtime: runtime, batchSize: batchSize).runBatch()
                    FileHandle.standardError.write(Data("delivered \(report.delivered), retried \(report.retried), failed \(report.failed)\n".utf8))
                    let sla = await SLASweepService(runtime: runtime, batchSize: batchSize).runPass()
                    let crossings = sla.reported.values.map(\.count).reduce(0, +)
                    FileHandle.standardError.write(Data("sla crossings \(crossings), escalated \(sla.escalated.count)\n".utf8))
                    let recomputed = await SLARecomputeService(runtime: runtime, batchSize: batchSize).runPass()
                    FileHandle.standardError.write(Data("sla records recomputed \(recomputed.updated) in \(recomputed.pages) pages\n".utf8))
                    let deleted = await AttachmentCleanupService(runtime: runtime, batchSize: batchSize).runPass()
                    FileHandle.standardError.write(Data("deleted \(deleted) unused uploads\n".utf8))
                }
                return
            }
            let runtime = try await Runtime.make(settings: settings, logger: logger)
            let delivery = OutboxDeliveryService(runtime: runtime, interval: .milliseconds(Int(interval * 1000)), batchSize: batchSize)
            let assignment = AssignmentService(runtime: runtime, interval: assignmentInterval.map { .milliseconds(Int($0 * 1000)) })
            let sla = SLASweepService(runtime: runtime, interval: .milliseconds(Int(slaInterval * 1000)), batchSize: batchSize)
            let group = ServiceGroup(configuration: .init(
                services: [
                    .init(service: RuntimeService(runtime)), .init(service: EventRelayService(runtime: runtime)), .init(service: delivery),
                    .init(service: assignment), .init(service: sla), .init(service: SLARecomputeService(runtime: runtime, batchSize: batchSize)),
                    .init(service: AttachmentCleanupService(runtime: runtime, batchSize: batchSize)),
                ],
                gracefulShutdownSignals: [.sigterm, .sigint], logger: logger
            ))
            logger.info("worker started", metadata: ["database": "\(settings.database.redactedURL)"])
            try await group.run()
        } catch let error as RuntimeError {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode.failure
        }
        logger.info("worker stopped")
    }
}
