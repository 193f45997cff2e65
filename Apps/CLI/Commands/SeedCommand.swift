import ArgumentParser
import Domain

struct SeedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "seed", abstract: "Load data into an install.")

    @Flag(help: "Load the demo organization, its users and sample tickets (once; a second run changes nothing).")
    var demo = false

    func validate() throws {
        guard demo else { throw ValidationError("say what to seed: --demo") }
    }

    func run() async throws {
        let outcome = try await CommandContext.run { context in try await Output.failing { try await DemoSeed(context.deps).run() } }
        switch outcome {
        case .seeded(let org): Output.line("seeded organization \(org.slug) (\(org.name))")
        case .alreadyPresent(let org): Output.line("organization \(org.slug) already exists; nothing changed")
        }
        Output.line("log in with:")
        for login in DemoSeed.logins { Output.line("  \(login.email) / \(login.password) (\(login.role.rawValue))") }
    }
}
