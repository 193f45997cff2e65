import ArgumentParser
import Bootstrap
import Domain

struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "migrate", abstract: "Bring the database schema to the newest version.")

    func run() async throws {
        try await CommandContext.run(migrate: false) { context in
            let applied = try await Output.failing { try await context.runtime.storage.migrate() }
            Output.line(applied.isEmpty ? "schema is up to date" : "applied \(applied.count) migration(s): \(applied.joined(separator: ", "))")
        }
    }
}
