import ArgumentParser
import Domain

struct OutboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outbox", abstract: "Inspect and retry notification deliveries.", subcommands: [List.self, Retry.self]
    )

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List deliveries that failed for good.")

        @Flag(help: "Only failed deliveries (the only list kept: delivered ones are removed).") var failed = false
        @Option(help: "How many (1-1000).") var limit = 100

        func validate() throws {
            guard failed else { throw ValidationError("say what to list: --failed") }
            guard (1...1000).contains(limit) else { throw ValidationError("--limit must be 1 to 1000") }
        }

        func run() async throws {
            let jobs = try await CommandContext.run { context in
                try await Output.failing { try await OutboxUseCases(context.deps).failed(limit: limit) }
            }
            if jobs.isEmpty { Output.line("no failed deliveries"); return }
            for (job, request) in jobs {
                let what = request.map { "\($0.kind.rawValue) to \($0.recipient.email)" } ?? "unreadable payload"
                Output.line("\(job.id)  \(what)  attempts \(job.attempts)  \(job.lastError ?? "")")
            }
        }
    }

    struct Retry: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Send a failed delivery back to the queue.")

        @Argument(help: "The job id shown by `outbox list --failed`.") var id: String

        func run() async throws {
            guard let jobID = JobID(id) else { throw ValidationError("\(id) is not a job id") }
            try await CommandContext.run { context in
                try await Output.failing { try await OutboxUseCases(context.deps).retry(jobID) }
            }
            Output.line("queued \(jobID) for delivery")
        }
    }
}
