import ArgumentParser
import Bootstrap

struct ConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "config", abstract: "Inspect configuration.", subcommands: [Check.self])

    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate the configuration and print it, secrets hidden; check that the file store is reachable and writable and that the SMTP server (if any) answers."
        )

        func run() async throws {
            let settings = try CommandContext.loadSettings()
            Output.line(settings.redactedDescription)
            Output.line(try await Output.failing { try await Runtime.checkFiles(settings.files) })
            Output.line(try await Output.failing { try await Runtime.checkNotifier(settings.notifier) })
            Output.line("configuration is valid")
        }
    }
}
