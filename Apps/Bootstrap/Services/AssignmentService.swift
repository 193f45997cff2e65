import Domain
import Foundation
import Logging
import ServiceLifecycle
import Synchronization

/// Auto-assignment (§5) run continuously: a pass over every organization's queue every `interval`, and at once when
/// this process sees a ticket created (unless the last pass left tickets it could not assign), an agent become available, or tickets returned to the queue by an agent going
/// offline or away (its transport's events are the in-process
/// nudge; other processes' events reach it when the transport spans processes, and the interval covers the rest).
/// Any number of these may run in several processes: every decision commits under the guards of
/// `AssignmentUseCases`. Runs in `switchboard-worker` and, in embedded mode, in the API.
public struct AssignmentService: Service {
    let assignment: AssignmentUseCases
    let storage: any Storage
    let transport: any Transport
    let interval: Duration
    let batchSize: Int
    let logger: Logger

    public init(runtime: Runtime, interval: Duration? = nil, batchSize: Int = 200) {
        self.init(
            dependencies: runtime.dependencies, logger: runtime.logger, interval: interval ?? runtime.settings.assignmentInterval,
            batchSize: batchSize)
    }

    /// The service over any dependencies (tests run it over a memory store and an in-test transport).
    public init(dependencies: Dependencies, logger: Logger, interval: Duration, batchSize: Int = 200) {
        assignment = AssignmentUseCases(dependencies)
        storage = dependencies.storage
        transport = dependencies.transport
        self.interval = interval
        self.batchSize = batchSize
        self.logger = logger
    }

    public func run() async throws {
        logger.info("auto-assignment running", metadata: ["interval": "\(interval)"])
        let nudged = Nudge()
        let events = await transport.subscribe()
        let listener = Task {
            for await published in events {
                if let reason = Self.nudge(for: published.event) { nudged.set(reason) }
            }
        }
        defer { listener.cancel() }
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            let report = await runPass()
            // A full batch or a yielded pass means more may be waiting: go again at once.
            if report.assigned < batchSize, !report.yielded {
                let reasons = Self.wakeReasons(after: report)
                try? await cancelWhenGracefulShutdown { try await Self.wait(upTo: interval, orUntil: nudged, for: reasons) }
            }
        }
    }

    /// What one pass over every organization did.
    public struct Report: Sendable, Equatable {
        public var assigned = 0
        public var skipped = 0
        public var waiting = 0
        public var yielded = false
    }

    /// One pass over every organization; failures are logged and the next pass tries again.
    public func runPass() async -> Report {
        var total = Report()
        do {
            for organization in try await storage.organizations() {
                let report = try await assignment.assignQueued(in: organization.id, batchSize: batchSize)
                total.assigned += report.assigned.count
                total.skipped += report.skipped
                total.waiting += report.waiting
                total.yielded = total.yielded || report.yielded
                if !report.assigned.isEmpty || report.skipped > 0 {
                    logger.info("auto-assignment pass", metadata: [
                        "organization": "\(organization.slug)", "assigned": "\(report.assigned.count)",
                        "skipped": "\(report.skipped)", "waiting": "\(report.waiting)",
                    ])
                }
            }
        } catch {
            logger.error("auto-assignment pass failed", metadata: ["error": "\(error)"])
        }
        return total
    }

    /// A new ticket, an agent who became available, or tickets an agent's going offline or away returned to the queue
    /// (a `returnToQueue` department, issue 8; the status change carries `returnedTickets`) may make an assignment
    /// possible right now: returned tickets must not wait a whole interval for another agent.
    static func nudges(_ event: DomainEvent) -> Bool { nudge(for: event) != nil }

    /// Why `event` may make an assignment possible now, if it may.
    static func nudge(for event: DomainEvent) -> Nudge.Reason? {
        switch event.kind {
        case .ticketCreated: .ticketCreated
        case .agentStatusChanged:
            event.data["status"] == Availability.available.rawValue || event.data["returnedTickets"] != nil ? .agentFreed : nil
        default: nil
        }
    }

    /// The nudges that end the wait after a pass. While tickets the last pass could not assign wait, a new ticket
    /// joins that queue and the next pass (within the interval) serves it in queue order: a pass per creation would
    /// re-plan the same stuck queue and reread every agent's load (at 1,000,000 tickets, a third of the API's CPU
    /// under a stream of creations). An agent gaining room still wakes it at once.
    static func wakeReasons(after report: Report) -> Set<Nudge.Reason> {
        report.waiting > 0 ? [.agentFreed] : [.ticketCreated, .agentFreed]
    }

    /// Sleeps until `interval` has passed or a nudge for one of `reasons` arrived (checked every 50 ms), and consumes
    /// the nudges (those for other reasons too: the pass that follows sees what they announced).
    static func wait(upTo interval: Duration, orUntil nudged: Nudge, for reasons: Set<Nudge.Reason>) async throws {
        let tick = Duration.milliseconds(50)
        var waited = Duration.zero
        while waited < interval {
            if !nudged.consume().isDisjoint(with: reasons) { return }
            try await Task.sleep(for: tick)
            waited += tick
        }
    }
}

/// The flags the event listener raises and the pass loop consumes.
final class Nudge: Sendable {
    enum Reason: Hashable, Sendable {
        /// A ticket was created: it waits in the queue.
        case ticketCreated
        /// An agent became available, or tickets an agent left returned to the queue.
        case agentFreed
    }

    private let raised = Mutex<Set<Reason>>([])

    func set(_ reason: Reason) { _ = raised.withLock { $0.insert(reason) } }

    /// The reasons raised since the last call.
    func consume() -> Set<Reason> { raised.withLock { reasons in defer { reasons = [] }; return reasons } }
}
