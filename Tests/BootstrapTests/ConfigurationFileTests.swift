import Bootstrap
import Foundation
import Logging
import Testing

@Suite("SWITCHBOARD_CONFIG_FILE")
struct ConfigurationFileTests {
    private let path = "/etc/switchboard.env"

    @Test func fileValuesApplyAndTheEnvironmentWins() throws {
        let contents = """
            # Switchboard on the support box
            SWITCHBOARD_PORT=9090

            SWITCHBOARD_HOST = ignored
            """
        // "SWITCHBOARD_HOST = ignored" has a space in its name: a syntax error, see below.
        #expect(problems(["SWITCHBOARD_CONFIG_FILE": path], files: [path: contents]) == [
            "SWITCHBOARD_CONFIG_FILE: /etc/switchboard.env line 4: expected NAME=value",
        ])

        let file = """
            # Switchboard on the support box\r
            SWITCHBOARD_PORT=9090\r
              SWITCHBOARD_HOST=0.0.0.0
            SWITCHBOARD_JWT_SECRET="a secret with spaces and # signs, 32+ bytes"
            SWITCHBOARD_LOG_LEVEL='debug'
            """
        let result = try settings(["SWITCHBOARD_CONFIG_FILE": path, "SWITCHBOARD_HOST": "10.0.0.1"], files: [path: file])
        #expect(result.configFile == path)
        #expect(result.port == 9090)
        #expect(result.host == "10.0.0.1")
        #expect(result.jwtSecret == Secret("a secret with spaces and # signs, 32+ bytes"))
        #expect(result.logLevel == .debug)
        #expect(result.sources[.port] == .file(path: path, line: 2))
        #expect(result.sources[.host] == .environment)
        #expect(result.sources[.configFile] == .environment)
        #expect(result.sources[.dataDirectory] == .defaultValue)
    }

    @Test func badValueInTheFileNamesItsLine() {
        #expect(problems(["SWITCHBOARD_CONFIG_FILE": path], files: [path: "\nSWITCHBOARD_PORT=70000\n"]) == [
            "SWITCHBOARD_PORT: \"70000\" is not a port number (expected 1–65535) (set in /etc/switchboard.env line 2)",
        ])
    }

    @Test(arguments: [
        ("PORT=80", "PORT: unknown variable (set in /etc/switchboard.env line 1)"),
        ("SWITCHBOARD_PORTS=80", "SWITCHBOARD_PORTS: unknown variable (did you mean SWITCHBOARD_PORT?) (set in /etc/switchboard.env line 1)"),
        ("SWITCHBOARD_CONFIG_FILE=/other", "SWITCHBOARD_CONFIG_FILE: cannot be set inside the configuration file (set in /etc/switchboard.env line 1)"),
        ("just text", "SWITCHBOARD_CONFIG_FILE: /etc/switchboard.env line 1: expected NAME=value"),
        ("=value", "SWITCHBOARD_CONFIG_FILE: /etc/switchboard.env line 1: expected NAME=value"),
        ("SWITCHBOARD_PORT=80\nSWITCHBOARD_PORT=81", "SWITCHBOARD_CONFIG_FILE: /etc/switchboard.env line 2: SWITCHBOARD_PORT is already set on line 1"),
    ])
    func fileProblems(contents: String, expected: String) {
        #expect(problems(["SWITCHBOARD_CONFIG_FILE": path], files: [path: contents]) == [expected], "\(contents)")
    }

    @Test func unreadableFile() {
        #expect(problems(["SWITCHBOARD_CONFIG_FILE": "/nowhere.env"]) == [
            "SWITCHBOARD_CONFIG_FILE: cannot read \"/nowhere.env\": no test file /nowhere.env",
        ])
    }

    @Test func readsFromDisk() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bootstrap-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("switchboard.env")
        try Data("SWITCHBOARD_PORT=7070\n".utf8).write(to: file)

        #expect(try Settings.parse(environment: ["SWITCHBOARD_CONFIG_FILE": file.path]).port == 7070)
        #expect(problemLines(["SWITCHBOARD_CONFIG_FILE": folder.appendingPathComponent("missing.env").path]) == [
            "SWITCHBOARD_CONFIG_FILE: \"\(folder.appendingPathComponent("missing.env").path)\" does not exist",
        ])
        #expect(problemLines(["SWITCHBOARD_CONFIG_FILE": folder.path]) == [
            "SWITCHBOARD_CONFIG_FILE: \"\(folder.path)\" is a folder, not a file",
        ])
        try Data([0xFF, 0xFE, 0x00]).write(to: file)
        #expect(problemLines(["SWITCHBOARD_CONFIG_FILE": file.path]) == ["SWITCHBOARD_CONFIG_FILE: \"\(file.path)\" is not UTF-8 text"])
    }

    /// Like `problems`, but reading files from disk.
    private func problemLines(_ environment: [String: String]) -> [String] {
        do {
            _ = try Settings.parse(environment: environment)
            return []
        } catch {
            return error.problems.map(\.description)
        }
    }
}
