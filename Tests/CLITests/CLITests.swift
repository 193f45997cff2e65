import Foundation
import TestSupport
import Testing

/// The operator's first minutes, through the real executable on a fresh data folder.
@Suite(.serialized)
struct CLITests {
    @Test func migrateSeedAndListOnAFreshDataFolder() async throws {
        try await SwitchboardProcess.withTemporaryDirectory { dir in
            let migrate = try await SwitchboardProcess.run(["migrate"], in: dir)
            #expect(migrate.status == 0, "migrate: \(migrate.stderr)")
            #expect(migrate.stdout.contains("applied"), "migrate output: \(migrate.stdout)")
            #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("var/switchboard.db").path), "the embedded database lives in ./var")

            let again = try await SwitchboardProcess.run(["migrate"], in: dir)
            #expect(again.stdout.contains("up to date"), "second migrate: \(again.stdout)")

            let seed = try await SwitchboardProcess.run(["seed", "--demo"], in: dir)
            #expect(seed.status == 0, "seed: \(seed.stderr)")
            #expect(seed.stdout.contains("admin@example.com / admin123"))

            let reseed = try await SwitchboardProcess.run(["seed", "--demo"], in: dir)
            #expect(reseed.status == 0 && reseed.stdout.contains("already exists"), "second seed: \(reseed.stdout) \(reseed.stderr)")

            let list = try await SwitchboardProcess.run(["ticket", "list"], in: dir)
            #expect(list.status == 0, "list: \(list.stderr)")
            let rows = list.stdout.split(separator: "\n")
            #expect(rows.count == 3, "three demo tickets, got: \(list.stdout)")
            #expect(rows.allSatisfy { $0.hasPrefix("TKT-00000") })

            let show = try await SwitchboardProcess.run(["ticket", "show", "TKT-000002", "--org", "demo"], in: dir)
            #expect(show.status == 0, "show: \(show.stderr)")
            #expect(show.stdout.contains("Charged twice") && show.stdout.contains("history:") && show.stdout.contains("created"))
        }
    }

    @Test func userCreateMakesAnAccountThatCannotBeCreatedTwice() async throws {
        try await SwitchboardProcess.withTemporaryDirectory { dir in
            _ = try await SwitchboardProcess.run(["seed", "--demo"], in: dir)
            let args = ["user", "create", "--role", "supervisor", "--email", "lead@example.com", "--name", "Lead", "--password", "lead-pass-1"]
            let created = try await SwitchboardProcess.run(args, in: dir)
            #expect(created.status == 0 && created.stdout.contains("created supervisor lead@example.com"), "\(created.stdout) \(created.stderr)")
            let duplicate = try await SwitchboardProcess.run(args, in: dir)
            #expect(duplicate.status == 1)
            #expect(duplicate.stderr == "error: email is already registered\n")
            let badRole = try await SwitchboardProcess.run(["user", "create", "--role", "boss", "--email", "x@example.com", "--name", "X", "--password", "12345678"], in: dir)
            #expect(badRole.status != 0 && badRole.stderr.contains("--role must be one of"))
        }
    }

    @Test func badConfigurationIsOneReadableLine() async throws {
        try await SwitchboardProcess.withTemporaryDirectory { dir in
            let bad = try await SwitchboardProcess.run(["ticket", "list"], environment: ["SWITCHBOARD_DATABASE_URL": "mysql://root@localhost/db"], in: dir)
            #expect(bad.status != 0)
            let lines = bad.stderr.split(separator: "\n")
            #expect(lines.count == 1, "one line, got: \(bad.stderr)")
            #expect(bad.stderr.contains("SWITCHBOARD_DATABASE_URL") && bad.stderr.contains("mysql"))
            #expect(!bad.stderr.contains("Fatal error") && !bad.stderr.contains("Stack"))

            let check = try await SwitchboardProcess.run(["config", "check"], environment: ["SWITCHBOARD_JWT_SECRET": String(repeating: "s", count: 40)], in: dir)
            #expect(check.status == 0, "config check: \(check.stderr)")
            #expect(check.stdout.contains("configuration is valid") && !check.stdout.contains("ssssssss"), "secrets are hidden: \(check.stdout)")
        }
    }

    /// The same first minutes on PostgreSQL (`SWITCHBOARD_TEST_POSTGRES_URL`, started by scripts/test), and
    /// a wrong password reported as one line at once. Skipped without a server, except under CI=true.
    @Test(.postgresServer)
    func migrateSeedAndListOnPostgres() async throws {
        let url = try TestPostgresServer.address().url
        let environment = ["SWITCHBOARD_DATABASE_URL": url, "SWITCHBOARD_JWT_SECRET": String(repeating: "s", count: 40)]
        try await SwitchboardProcess.withTemporaryDirectory { dir in
            let migrate = try await SwitchboardProcess.run(["migrate"], environment: environment, in: dir)
            #expect(migrate.status == 0, "migrate on Postgres: \(migrate.stderr)")
            let again = try await SwitchboardProcess.run(["migrate"], environment: environment, in: dir)
            #expect(again.status == 0 && again.stdout.contains("up to date"), "second migrate on Postgres: \(again.stdout) \(again.stderr)")

            let seed = try await SwitchboardProcess.run(["seed", "--demo"], environment: environment, in: dir)
            #expect(seed.status == 0, "seed on Postgres: \(seed.stderr)")
            let list = try await SwitchboardProcess.run(["ticket", "list", "--org", "demo"], environment: environment, in: dir)
            #expect(list.status == 0 && list.stderr.isEmpty, "list on Postgres: \(list.stderr)")
            let rows = list.stdout.split(separator: "\n")
            #expect(rows.count == 3 && rows.allSatisfy { $0.hasPrefix("TKT-00000") }, "three demo tickets on Postgres, got: \(list.stdout)")
            #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("var/switchboard.db").path), "no SQLite file on Postgres")

            var wrong = environment
            wrong["SWITCHBOARD_DATABASE_URL"] = try Self.withPassword("certainly-wrong", in: url)
            let refused = try await SwitchboardProcess.run(["ticket", "list"], environment: wrong, in: dir)
            #expect(refused.status == 1)
            #expect(refused.stderr.split(separator: "\n").count == 1, "one line, got: \(refused.stderr)")
            #expect(refused.stderr.contains("password authentication failed") && !refused.stderr.contains("certainly-wrong"),
                    "the line should give the server's reason and hide the password: \(refused.stderr)")
        }
    }

    static func withPassword(_ password: String, in url: String) throws -> String {
        var components = try #require(URLComponents(string: url), "SWITCHBOARD_TEST_POSTGRES_URL should be a URL")
        components.password = password
        return try #require(components.string)
    }
}
