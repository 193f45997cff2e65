import Bootstrap
import Logging
import Testing

@Suite("Defaults: an empty environment is the embedded mode")
struct DefaultsTests {
    @Test func emptyEnvironmentGivesEmbeddedDefaults() throws {
        let result = try settings([:])
        #expect(result.dataDirectory == "./var")
        #expect(result.database == .sqlite(path: "./var/switchboard.db"))
        #expect(result.files == .local(directory: "./var/files"))
        #expect(result.notifier == .stdout)
        #expect(result.host == "127.0.0.1")
        #expect(result.port == 8080)
        #expect(result.jwtSecret == nil)
        #expect(result.logLevel == .info)
        #expect(result.configFile == nil)
        #expect(result.isEmbedded)
        #expect(result.jwtSecretFile == "./var/jwt-secret")
        #expect(result.sources.values.allSatisfy { $0 == .defaultValue }, "sources: \(result.sources)")
    }

    @Test func otherVariablesAreIgnored() throws {
        let result = try settings(["PATH": "/usr/bin", "DATABASE_URL": "mysql://x", "PORT": "nope", "HOME": "/root"])
        #expect(result.database == .sqlite(path: "./var/switchboard.db"))
        #expect(result.port == 8080)
    }

    @Test(arguments: [("/srv/switchboard", "/srv/switchboard/"), ("/srv/switchboard/", "/srv/switchboard/"), ("data", "data/")])
    func pathDefaultsFollowTheDataDirectory(dataDirectory: String, prefix: String) throws {
        let result = try settings(["SWITCHBOARD_DATA_DIR": dataDirectory])
        #expect(result.dataDirectory == dataDirectory)
        #expect(result.database == .sqlite(path: prefix + "switchboard.db"))
        #expect(result.files == .local(directory: prefix + "files"))
        #expect(result.jwtSecretFile == prefix + "jwt-secret")
        #expect(result.sources[.dataDirectory] == .environment)
    }

    @Test func explicitValuesWinOverDataDirectoryDefaults() throws {
        let result = try settings([
            "SWITCHBOARD_DATA_DIR": "/srv/sb",
            "SWITCHBOARD_DATABASE_URL": "sqlite:///data/main.db",
            "SWITCHBOARD_FILES_URL": "file:///data/files",
        ])
        #expect(result.database == .sqlite(path: "/data/main.db"))
        #expect(result.files == .local(directory: "/data/files"))
    }

    @Test func emptyValueIsAnErrorNotTheDefault() {
        for key in ConfigurationKey.allCases where key != .configFile {
            #expect(problems([key.name: ""]) == ["\(key.name): is empty (give a value, or unset it)"], "\(key.name)=\"\"")
        }
        #expect(problems(["SWITCHBOARD_CONFIG_FILE": ""]) == ["SWITCHBOARD_CONFIG_FILE: is empty (give a value, or unset it)"])
    }

    @Test func dataDirectoryRejectsANulCharacter() {
        #expect(problems(["SWITCHBOARD_DATA_DIR": "a\u{0}b"]) == ["SWITCHBOARD_DATA_DIR: the data folder path contains a NUL character"])
    }
}
