import ArgumentParser

/// `switchboard`: operations on an install (migrations, demo data, users, tickets, configuration).
@main
struct SwitchboardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "switchboard",
        abstract: "Operate a Switchboard install: migrate, seed, manage users, inspect tickets, check configuration.",
        subcommands: [MigrateCommand.self, SeedCommand.self, UserCommand.self, TicketCommand.self, OutboxCommand.self, ConfigCommand.self]
    )
}
