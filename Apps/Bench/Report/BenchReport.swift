import Foundation

/// Everything one benchmark run measured, printed as a table and written as JSON.
struct BenchReport: Sendable, Codable {
    var database: String
    var machine: String
    var seededTickets: Int?
    /// The bulk seed's own figure (tickets per second), when the caller passes it on.
    var seedTicketsPerSecond: Double?
    var samples: [Sample] = []
    var idleMemory: ProcessMemory
    var memoryAfterLoad: ProcessMemory
    /// Raw inserts of what ticket creation writes, straight into the database (no HTTP, no domain).
    var baseline: Baseline?
    /// SLA sweep passes timed against the database (`--sla-sweep`).
    var slaSweep: SLASweepBenchmark.Result?
    /// Background-job benchmarks (auto-assignment, SLA sweep, WebSocket fan-out) are added by later
    /// issues; until then the report says they were not run rather than leaving them out silently.
    var jobs: [String: String] = [
        "auto-assignment (10,000 tickets, 500 agents)": "not run yet",
        "SLA sweep (1,000,000 open tickets)": "not run yet",
        "WebSocket fan-out (1,000 clients)": "not run yet",
    ]
    /// The auto-assignment benchmark in detail (`jobs` holds its one-line summary).
    var assignment: AssignmentResult?
    /// The WebSocket fan-out benchmark in detail (`jobs` holds its one-line summary).
    var fanout: FanoutResult?

    struct Baseline: Sendable, Codable {
        let tickets: Int
        let rowsPerTicket: Int
        let concurrency: Int
        let seconds: Double
        let ticketsPerSecond: Double
    }

    func table() -> String {
        var lines = ["Switchboard benchmark: \(database) on \(machine)"]
        if let seededTickets {
            lines.append("dataset: \(seededTickets) seeded tickets" + (seedTicketsPerSecond.map { String(format: " (seeded at %.0f tickets/s)", $0) } ?? ""))
        }
        lines.append("")
        lines.append(pad("scenario", 26) + pad("clients", 8) + pad("requests", 10) + pad("errors", 8) + pad("req/s", 10) + pad("p50 ms", 9) + pad("p95 ms", 9) + pad("p99 ms", 9))
        for sample in samples {
            lines.append(
                pad(sample.scenario, 26) + pad("\(sample.concurrency)", 8) + pad("\(sample.requests)", 10) + pad("\(sample.errors)", 8)
                    + pad(String(format: "%.0f", sample.throughput), 10) + pad(String(format: "%.2f", sample.p50Milliseconds), 9)
                    + pad(String(format: "%.2f", sample.p95Milliseconds), 9) + pad(String(format: "%.2f", sample.p99Milliseconds), 9))
            if let error = sample.firstError { lines.append("    first error: \(error)") }
        }
        lines.append("")
        lines.append("server memory: idle \(mb(idleMemory.residentMegabytes)) resident; peak \(mb(memoryAfterLoad.peakMegabytes)) (VmHWM)")
        if let baseline {
            lines.append(String(
                format: "raw database baseline: %d tickets x %d rows, %d clients, %.0f tickets/s", baseline.tickets, baseline.rowsPerTicket,
                baseline.concurrency, baseline.ticketsPerSecond))
            if let create = samples.filter({ $0.scenario == "create ticket" }).max(by: { $0.throughput < $1.throughput }) {
                lines.append(String(format: "API ticket creation at its best (%d clients): %.0f/s = %.0f %% of the raw database", create.concurrency, create.throughput, 100 * create.throughput / max(baseline.ticketsPerSecond, 0.001)))
            }
        }
        lines += assignment?.lines ?? []
        lines += fanout?.lines ?? []
        lines.append("job benchmarks: " + jobs.keys.sorted().map { "\($0): \(jobs[$0]!)" }.joined(separator: "; "))
        return lines.joined(separator: "\n")
    }

    private func pad(_ text: String, _ width: Int) -> String { text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count) }
    private func mb(_ value: Double?) -> String { value.map { String(format: "%.0f MB", $0) } ?? "unknown" }
}
