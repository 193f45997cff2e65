import ArgumentParser
import Bootstrap
import Domain
import Foundation
import Logging

/// What every command starts from: configuration read once from the environment, adapters composed by
/// Bootstrap, and one-line errors instead of stack traces.
struct CommandContext {
    let runtime: Runtime

    /// Reads the configuration, opens the adapters and runs `body` while their background work (a
    /// PostgreSQL pool) runs; stops it afterwards. The storage is migrated first unless `migrate` is false.
    static func run<T>(migrate: Bool = true, _ body: (CommandContext) async throws -> T) async throws -> T {
        // A closed stdout (e.g. `| head`) must fail a write, not kill the process mid-commit.
        signal(SIGPIPE, SIG_IGN)
        let settings = try loadSettings()
        var logger = Logger(label: "switchboard.cli")
        logger.logLevel = .warning
        // Failures of the body's own steps were already printed (they arrive as `ExitCode`, which
        // `failing` passes through); anything else here is a composition or migration failure.
        return try await Output.failing {
            try await Runtime.with(settings: settings, logger: logger) { runtime in
                if migrate { _ = try await runtime.storage.migrate() }
                return try await body(CommandContext(runtime: runtime))
            }
        }
    }

    /// The configuration, or its problems on standard error (one line each) and exit status 78.
    static func loadSettings() throws -> Settings {
        do {
            return try Settings.parse(environment: ProcessInfo.processInfo.environment)
        } catch {
            FileHandle.standardError.write(Data("\(error.description)\n".utf8))
            throw ExitCode(Settings.configurationErrorExitStatus)
        }
    }

    var deps: Dependencies { runtime.dependencies }

    /// The organization a command acts in: the one named, or the only one there is.
    func organization(_ slug: String?) async throws -> Organization {
        try await Output.failing {
            let orgs = OrganizationUseCases(deps)
            if let slug { return try await orgs.organization(slug: slug) }
            let all = try await orgs.all()
            guard all.count == 1 else {
                throw ValidationError(all.isEmpty
                    ? "no organization exists yet; run `switchboard seed --demo` or create one"
                    : "several organizations exist (\(all.map(\.slug).joined(separator: ", "))); pass --org")
            }
            return all[0]
        }
    }
}

/// Printing results and turning failures into one readable line on standard error.
enum Output {
    static func line(_ text: String) { print(text) }

    /// Runs `body`; any failure is printed as `error: …` and the command exits with status 1.
    static func failing<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as ValidationError {
            throw error
        } catch let error as ExitCode {
            throw error
        } catch {
            FileHandle.standardError.write(Data("error: \(describe(error))\n".utf8))
            throw ExitCode.failure
        }
    }

    static func describe(_ error: any Error) -> String {
        switch error {
        case let domain as DomainError:
            switch domain {
            case .validation(let violations): violations.map { "\($0.field) \($0.message)" }.joined(separator: "; ")
            case .notFound(let entity): "no such \(entity)"
            case .forbidden(let reason), .unauthenticated(let reason), .conflict(let reason), .unavailable(let reason): reason
            case .staleVersion(let current): "stale version; the current version is \(current)"
            case .illegalTransition(let from, let to): "a ticket cannot move from \(from.rawValue) to \(to.rawValue)"
            case .idempotencyKeyReused: "the idempotency key was used for a different request"
            case .tooLarge(let field, let maximumBytes): "\(field) is larger than \(maximumBytes) bytes"
            }
        case let storage as StorageError: "storage: \(storage)"
        case let described as any CustomStringConvertible: described.description
        default: String(describing: error)
        }
    }
}
