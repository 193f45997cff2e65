import Bootstrap
import Domain
import Foundation
import Logging

/// SPEC §15's SLA sweep figure: how long one pass of the SLA worker takes over the seeded dataset
/// (a million tickets with their SLA records, `switchboard seed --tickets`), straight against the
/// database the API uses, composed by Bootstrap from the same environment (`SWITCHBOARD_DATABASE_URL` …).
///
/// A pass is what `SLASweepService` runs every 30 seconds: batches of 100 due records until one is not
/// full. Three passes are timed:
/// - **now**: the records due since the dataset was seeded (the seed leaves it in the worker's steady
///   state, everything crossed before its end already reported), unless the API's own worker got them first;
/// - **idle**: right after, when nothing is due: the cost of asking the due-time index;
/// - **an hour ahead**: the pass as of one hour later (the clock moved on), which reports a real hour's
///   worth of warnings and breaches. It writes them as of that hour, so it runs last.
enum SLASweepBenchmark {
    /// The report's key for the figure.
    static let jobName = "SLA sweep (1,000,000 open tickets)"

    struct Pass: Sendable, Codable {
        let name: String
        let milliseconds: Double
        let examined: Int
        let reported: Int
        let conflicts: Int
        let problems: Int
    }

    struct Result: Sendable, Codable {
        let batchSize: Int
        let passes: [Pass]

        /// One line for the report's table.
        var summary: String {
            passes.map { pass in
                "\(pass.name) " + String(format: "%.1f ms (%d examined, %d reported)", pass.milliseconds, pass.examined, pass.reported)
                    + (pass.conflicts + pass.problems > 0 ? " [\(pass.conflicts) conflicts, \(pass.problems) problems]" : "")
            }.joined(separator: ", ") + " per pass of batches of \(batchSize)"
        }
    }

    static func run(batchSize: Int = 100) async throws -> Result {
        let settings = try Settings.parse(environment: ProcessInfo.processInfo.environment)
        var logger = Logger(label: "switchboard.bench.sla")
        logger.logLevel = .error
        return try await Runtime.with(settings: settings, logger: logger) { runtime in
            let deps = runtime.dependencies
            var passes: [Pass] = []
            passes.append(await pass("now", deps, logger: logger, batchSize: batchSize))
            passes.append(await pass("idle", deps, logger: logger, batchSize: batchSize))
            let ahead = Dependencies(
                storage: deps.storage, clock: ShiftedClock(base: deps.clock, offset: 3_600), ids: deps.ids, transport: deps.transport,
                passwordHasher: deps.passwordHasher, secrets: deps.secrets, relaySignal: deps.relaySignal)
            passes.append(await pass("an hour ahead", ahead, logger: logger, batchSize: batchSize))
            return Result(batchSize: batchSize, passes: passes)
        }
    }

    private static func pass(_ name: String, _ deps: Dependencies, logger: Logger, batchSize: Int) async -> Pass {
        let service = SLASweepService(dependencies: deps, logger: logger, batchSize: batchSize)
        let started = ContinuousClock.now
        let report = await service.runPass()
        let elapsed = ContinuousClock.now - started
        return Pass(
            name: name, milliseconds: Double(elapsed.components.seconds) * 1_000 + Double(elapsed.components.attoseconds) / 1e15,
            examined: report.examined, reported: report.reported.values.reduce(0) { $0 + $1.count }, conflicts: report.conflicts,
            problems: report.problems.count)
    }
}

/// The wall clock moved on by `offset` seconds: the sweep as it will run then.
struct ShiftedClock: WallClock {
    let base: any WallClock
    let offset: TimeInterval

    func now() -> Date { base.now().addingTimeInterval(offset) }
}
