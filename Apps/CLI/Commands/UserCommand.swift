import ArgumentParser
import Domain

struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "user", abstract: "Manage user accounts.", subcommands: [Create.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a user (staff get an agent profile).")

        @Option(help: "Organization slug (optional when there is only one).") var org: String?
        @Option(help: "Email address, unique in the organization.") var email: String
        @Option(help: "Display name.") var name: String
        @Option(help: "admin, supervisor, agent or customer.") var role: String
        @Option(help: "Initial password (8 to 128 characters).") var password: String

        func run() async throws {
            guard let role = Role(rawValue: role) else {
                throw ValidationError("--role must be one of \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            try await CommandContext.run { context in
                let organization = try await context.organization(org)
                let user = try await Output.failing {
                    try await UserUseCases(context.deps).provision(.init(email: email, name: name, password: password, role: role), in: organization.id)
                }
                Output.line("created \(user.role.rawValue) \(user.email) (\(user.id)) in \(organization.slug)")
            }
        }
    }
}
