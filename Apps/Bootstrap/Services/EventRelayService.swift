import Domain
import Foundation
import Logging
import ServiceLifecycle

/// Publishes committed events from the event outbox to the transport (SPEC §7): at once when a use case
/// of this process signals a commit, otherwise every `interval` (events committed by another process
/// that has no relay running, or left by a relay that died). Runs in every process that serves or works;
/// the outbox's claim lets one relay at a time publish, so the transport sees the outbox's order.
/// On graceful shutdown the batch in progress finishes; what is left stays in the outbox.
public struct EventRelayService: Service {
    let relay: EventRelay
    let signal: EventRelaySignal
    let holder: String
    let interval: Duration
    let batchSize: Int
    let logger: Logger

    public init(runtime: Runtime, interval: Duration = .milliseconds(500), batchSize: Int = 200, holder: String = OutboxDeliveryService.defaultHolder()) {
        relay = EventRelay(runtime.dependencies)
        signal = runtime.dependencies.relaySignal
        self.holder = holder
        self.interval = interval
        self.batchSize = batchSize
        logger = runtime.logger
    }

    public func run() async throws {
        logger.info("event relay running", metadata: ["holder": "\(holder)"])
        let wakeUps = signal.wakeUps
        let pause = interval
        // Turns signals and the poll interval into one stream of "look now" ticks.
        let (ticks, tick) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        await withDiscardingTaskGroup { group in
            group.addTask {
                for await _ in wakeUps { tick.yield() }
            }
            group.addTask {
                while (try? await Task.sleep(for: pause)) != nil { tick.yield() }
            }
            await cancelWhenGracefulShutdown {
                tick.yield()
                for await _ in ticks {
                    // A full batch means more may be waiting: go again at once.
                    while await runBatch() == batchSize, !Task.isCancelled {}
                }
            }
            group.cancelAll()
        }
    }

    /// One pass; failures are logged and retried on the next pass (the outbox keeps the events).
    @discardableResult
    public func runBatch() async -> Int {
        do {
            return try await relay.relayPending(holder: holder, limit: batchSize)
        } catch {
            logger.error("event relay batch failed", metadata: ["error": "\(error)"])
            return 0
        }
    }
}
