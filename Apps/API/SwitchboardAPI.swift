import ArgumentParser
import Bootstrap
import Domain
import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import UnixSignals

/// `switchboard-api`: the HTTP API. With no configuration it serves the embedded install (SQLite and
/// files under `./var`, notifications on stdout) on 127.0.0.1:8080, migrating the database first.
@main
struct SwitchboardAPI: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "switchboard-api",
        abstract: "Serve the Switchboard HTTP API (configuration: SWITCHBOARD_* variables, see README)."
    )

    @Flag(help: "Seed the demo organization and its accounts when the database is empty.")
    var demo = false

    func run() async throws {
        let settings = Settings.loadOrExit()
        var logger = Logger(label: "switchboard.api")
        logger.logLevel = settings.logLevel
        let startup = Startup(settings: settings, logger: logger)
        // The runtime's background work (a PostgreSQL pool) runs for as long as the server does and stops
        // after it: the ServiceGroup below ends on SIGTERM once in-flight requests have finished.
        try await startup.fail {
            try await Runtime.with(settings: settings, logger: logger) { runtime in
                try await startup.fail { try await startup.migrate(runtime) }
                let secret = try await startup.fail { try SigningSecret.resolve(settings, generator: runtime.dependencies.secrets) }
                let seeded = demo ? try await startup.fail { try await startup.seedDemo(runtime) } : nil

                var options = APIOptions()
                options.realtime = RealtimeOptions(settings.realtime)
                let app = try await buildApplication(runtime: runtime, signingSecret: secret, options: options) { host, port in
                    Startup.announce(host: host, port: port, demo: seeded)
                }
                // Every API process relays committed events to the transport (one at a time holds the outbox).
                var services: [ServiceGroupConfiguration.ServiceConfiguration] = [.init(service: EventRelayService(runtime: runtime)), .init(service: app)]
                // Embedded mode is one process: it also runs the worker's jobs (SPEC §2).
                if settings.isEmbedded {
                    services.append(.init(service: OutboxDeliveryService(runtime: runtime)))
                    services.append(.init(service: AssignmentService(runtime: runtime)))
                    services.append(.init(service: SLASweepService(runtime: runtime)))
                    services.append(.init(service: SLARecomputeService(runtime: runtime)))
                    services.append(.init(service: AttachmentCleanupService(runtime: runtime)))
                }
                let group = ServiceGroup(configuration: .init(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
                try await group.run()
            }
        }
        logger.info("stopped")
    }
}
