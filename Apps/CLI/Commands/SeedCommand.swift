import ArgumentParser
import Bootstrap
import Domain
import Foundation

struct SeedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seed", abstract: "Load data into an install: the demo organization, or a bulk dataset for benchmarks.")

    @Flag(help: "Load the demo organization, its users and sample tickets (once; a second run changes nothing).")
    var demo = false

    @Option(help: "Generate a bulk organization with this many tickets (with messages and audit history).")
    var tickets: Int?

    @Option(help: "Agents of the bulk organization.")
    var agents = 50

    @Option(help: "Customers of the bulk organization.")
    var customers = 1_000

    @Option(help: "Slug of the bulk organization (must not exist yet).")
    var org = "bench"

    @Option(help: "Password of every bulk user (admin@bench.example, agentN@…, customerN@…).")
    var password = "bench123"

    @Option(help: "Seed of the bulk generator: the same seed gives the same data.")
    var seed: UInt64 = 1

    @Option(help: "Tickets per transaction when loading in bulk.")
    var batchSize = 5_000

    @Option(help: "Ticket batches generated and loaded at once when loading in bulk (each its own transaction).")
    var parallel = 2

    func validate() throws {
        guard demo != (tickets != nil) else { throw ValidationError("say what to seed: --demo, or --tickets N (not both)") }
        if let tickets, tickets < 0 { throw ValidationError("--tickets must be 0 or more") }
        guard agents > 0, customers > 0, batchSize > 0, parallel > 0 else {
            throw ValidationError("--agents, --customers, --batch-size and --parallel must be positive")
        }
    }

    func run() async throws {
        if let tickets { return try await bulk(tickets) }
        let outcome = try await CommandContext.run { context in try await Output.failing { try await DemoSeed(context.deps).run() } }
        switch outcome {
        case .seeded(let org): Output.line("seeded organization \(org.slug) (\(org.name))")
        case .alreadyPresent(let org): Output.line("organization \(org.slug) already exists; nothing changed")
        }
        Output.line("log in with:")
        for login in DemoSeed.logins { Output.line("  \(login.email) / \(login.password) (\(login.role.rawValue))") }
    }

    /// Generates the bulk dataset batch by batch (memory for `parallel` batches) and loads each batch in one transaction.
    private func bulk(_ count: Int) async throws {
        try await CommandContext.run { context in
            try await Output.failing {
                guard let loader = context.runtime.storage as? any BulkLoading else {
                    throw ValidationError("this storage cannot load in bulk")
                }
                if try await context.runtime.storage.organization(slug: org) != nil {
                    throw ValidationError("organization \(org) already exists; bulk data goes into a fresh organization (--org)")
                }
                let plan = BulkSeed.Plan(
                    organizationSlug: org, tickets: count, agents: agents, customers: customers, batchSize: batchSize, seed: seed,
                    end: context.deps.clock.now(), passwordHash: try await context.deps.passwordHasher.hash(password))
                let generator = BulkSeed(plan)
                let started = ContinuousClock.now
                let people = generator.people()
                try await loader.load(people)
                var rows = people.rowCount
                // Ticket batches depend only on the people, not on each other: while one is written,
                // the next is generated (and on PostgreSQL, written on another connection).
                try await withThrowingTaskGroup(of: Int.self) { group in
                    var next = 0
                    while next < min(parallel, generator.ticketBatchCount) {
                        let index = next
                        group.addTask { try await Self.load(generator, batch: index, into: loader) }
                        next += 1
                    }
                    while let written = try await group.next() {
                        rows += written
                        if next < generator.ticketBatchCount {
                            let index = next
                            group.addTask { try await Self.load(generator, batch: index, into: loader) }
                            next += 1
                        }
                    }
                }
                let seconds = Self.seconds(ContinuousClock.now - started)
                Output.line("seeded organization \(org): \(count) tickets, \(agents) agents, \(customers) customers, " + String(
                    format: "%d rows in %.1f s (%.0f tickets/s, %.0f rows/s)",
                    rows, seconds, Double(count) / max(seconds, 0.001), Double(rows) / max(seconds, 0.001)))
                Output.line("log in as \(BulkSeed.adminEmail), agent1@bench.example or customer1@bench.example with the given password")
            }
        }
    }

    /// Generates ticket batch `index` and loads it; returns the rows written.
    private static func load(_ generator: BulkSeed, batch index: Int, into loader: any BulkLoading) async throws -> Int {
        let batch = generator.tickets(batch: index)
        try await loader.load(batch)
        return batch.rowCount
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
