import ArgumentParser
import Bootstrap
import Domain
import Foundation
import Logging

/// The steps before serving: migrate, seed the demo when asked, and tell the operator where to go.
/// Failures are one readable line on standard error and exit status 1, never a stack trace.
struct Startup {
    let settings: Settings
    let logger: Logger

    /// What `--demo` found or did.
    enum DemoOutcome: Sendable {
        case seeded
        case alreadyPresent
        /// The database holds other organizations: the demo is not mixed into a real install.
        case skipped
    }

    func migrate(_ runtime: Runtime) async throws {
        let applied = try await runtime.storage.migrate()
        if !applied.isEmpty { logger.info("migrated the database", metadata: ["migrations": "\(applied.joined(separator: ", "))"]) }
    }

    /// Seeds the demo data of SPEC §16 into an empty database.
    func seedDemo(_ runtime: Runtime) async throws -> DemoOutcome {
        let organizations = try await OrganizationUseCases(runtime.dependencies).all()
        if organizations.contains(where: { $0.slug == DemoSeed.organizationSlug }) { return .alreadyPresent }
        guard organizations.isEmpty else { return .skipped }
        _ = try await DemoSeed(runtime.dependencies).run()
        return .seeded
    }

    /// Prints, on standard output, where the API listens and how to sign in.
    static func announce(host: String, port: Int, demo: DemoOutcome?) {
        let shownHost = host.contains(":") ? "[\(host)]" : host
        let base = "http://\(shownHost):\(port)"
        var lines = ["Switchboard API listening on \(base)", "  API reference: \(base)/api/v1/openapi.json"]
        switch demo {
        case .seeded?, .alreadyPresent?:
            lines.append(demo == .seeded ? "  demo data seeded (organization \"demo\"); log in with:" : "  demo organization present; log in with:")
            for login in DemoSeed.logins { lines.append("    \(login.email) / \(login.password) (\(login.role.rawValue))") }
            lines.append("  e.g. curl -s \(base)/api/v1/auth/login -H 'content-type: application/json' \\")
            lines.append("         -d '{\"email\":\"agent1@example.com\",\"password\":\"agent123\"}'")
        case .skipped?:
            lines.append("  --demo ignored: the database already holds other organizations")
            lines.append("  log in with an existing account at POST \(base)/api/v1/auth/login")
        case nil:
            lines.append("  log in at POST \(base)/api/v1/auth/login {\"email\", \"password\"}")
            lines.append("  no accounts yet? restart with --demo, or: swift run switchboard user create --role admin …")
        }
        // Flushed at once: whoever waits for this line (a test, a script) reads through a pipe.
        FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }

    /// Runs a startup step; a failure becomes `error: …` on standard error and exit status 1.
    func fail<T>(_ step: () async throws -> T) async throws -> T {
        do {
            return try await step()
        } catch {
            let message = switch error {
            case let domain as DomainError: "\(domain.problem.title): \(domain.problem.logNote ?? domain.problem.detail)"
            default: String(describing: error)
            }
            FileHandle.standardError.write(Data("error: \(message)\n".utf8))
            throw ExitCode.failure
        }
    }
}
