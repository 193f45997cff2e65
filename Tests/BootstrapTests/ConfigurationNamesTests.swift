import Bootstrap
import Testing

@Suite("Variable names and reporting every problem at once")
struct ConfigurationNamesTests {
    @Test func misspeltVariableIsRefusedWithASuggestion() {
        #expect(problems(["SWITCHBOARD_FILE_URL": "s3://bucket"]) == ["SWITCHBOARD_FILE_URL: unknown variable (did you mean SWITCHBOARD_FILES_URL?)"])
        #expect(problems(["SWITCHBOARD_PROT": "80"]) == ["SWITCHBOARD_PROT: unknown variable (did you mean SWITCHBOARD_PORT?)"])
        #expect(problems(["SWITCHBOARD_WORKERS": "4"]) == ["SWITCHBOARD_WORKERS: unknown variable"])
    }

    @Test func everyProblemIsReportedOneLineEachInVariableOrder() {
        let lines = problems([
            "SWITCHBOARD_ZZZ": "1",
            "SWITCHBOARD_LOG_LEVEL": "loud",
            "SWITCHBOARD_PORT": "http",
            "SWITCHBOARD_DATABASE_URL": "mysql://x/y",
            "SWITCHBOARD_NOTIFIER_URL": "pigeon:",
        ])
        #expect(lines == [
            "SWITCHBOARD_DATABASE_URL: unsupported scheme \"mysql\" (expected sqlite:// or postgres://)",
            "SWITCHBOARD_NOTIFIER_URL: unsupported scheme \"pigeon\" (expected stdout: or smtp://)",
            "SWITCHBOARD_PORT: \"http\" is not a port number (expected 1–65535)",
            "SWITCHBOARD_LOG_LEVEL: unknown level \"loud\" (expected trace, debug, info, notice, warning, error or critical)",
            "SWITCHBOARD_ZZZ: unknown variable",
        ])
        #expect(lines.allSatisfy { !$0.contains("\n") })
    }

    @Test func errorDescriptionIsTheLinesJoined() throws {
        let error = try #require(throws: ConfigurationError.self) {
            try settings(["SWITCHBOARD_PORT": "x", "SWITCHBOARD_HOST": "a b"])
        }
        #expect(error.description == """
            SWITCHBOARD_HOST: "a b" is not a host name or IP address
            SWITCHBOARD_PORT: "x" is not a port number (expected 1–65535)
            """)
    }

    @Test func keysAreOrderedAsDeclared() {
        #expect(ConfigurationKey.allCases.sorted() == ConfigurationKey.allCases)
        #expect(ConfigurationKey.allCases.allSatisfy { $0.name.hasPrefix(ConfigurationKey.prefix) })
    }
}
