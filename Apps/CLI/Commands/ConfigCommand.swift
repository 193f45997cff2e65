import ArgumentParser
import Bootstrap

struct ConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "config", abstract: "Inspect configuration.", subcommands: [Check.self])

    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Validate the configuration and print it, secrets hidden.")

        func run() async throws {
            let settings = try CommandContext.loadSettings()
            Output.line(settings.redactedDescription)
            Output.line("configuration is valid")
        }
    }
}
