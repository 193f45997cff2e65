import Bootstrap
import Logging
import Testing

@Suite("SWITCHBOARD_HOST, _PORT, _JWT_SECRET and _LOG_LEVEL")
struct ServerSettingsTests {
    @Test(arguments: [
        ("0.0.0.0", "0.0.0.0"), ("localhost", "localhost"), ("api.example.com", "api.example.com"), ("::", "::"),
        ("::1", "::1"), ("[::1]", "::1"), ("fe80::1%25", nil), ("my_service", "my_service"),
    ] as [(String, String?)])
    func hosts(value: String, expected: String?) throws {
        if let expected {
            #expect(try settings(["SWITCHBOARD_HOST": value]).host == expected, "\(value)")
        } else {
            #expect(problems(["SWITCHBOARD_HOST": value]) == ["SWITCHBOARD_HOST: \"\(value)\" is not a host name or IP address"])
        }
    }

    @Test(arguments: ["exa mple.com", "-leading", "trailing-.com", "a..b", "host/path", "http://host", String(repeating: "a", count: 64)])
    func badHosts(value: String) {
        #expect(problems(["SWITCHBOARD_HOST": value]) == ["SWITCHBOARD_HOST: \"\(value)\" is not a host name or IP address"])
    }

    @Test(arguments: [("1", 1), ("80", 80), ("8080", 8080), ("65535", 65535)])
    func ports(value: String, expected: Int) throws {
        #expect(try settings(["SWITCHBOARD_PORT": value]).port == expected)
    }

    @Test(arguments: ["0", "65536", "-1", "80a", " 8080", "8080 ", "+80", "1e3", "99999999999999999999", "٨٠"])
    func badPorts(value: String) {
        #expect(problems(["SWITCHBOARD_PORT": value]) == ["SWITCHBOARD_PORT: \"\(value)\" is not a port number (expected 1–65535)"])
    }

    @Test func jwtSecret() throws {
        let secret = String(repeating: "k", count: 48)
        #expect(try settings(["SWITCHBOARD_JWT_SECRET": secret]).jwtSecret == Secret(secret))
        #expect(problems(["SWITCHBOARD_JWT_SECRET": "short-secret"]) == [
            "SWITCHBOARD_JWT_SECRET: too short (12 bytes; use at least 32 random bytes, e.g. `openssl rand -base64 48`)",
        ])
    }

    @Test(arguments: Logger.Level.allCases)
    func logLevels(level: Logger.Level) throws {
        #expect(try settings(["SWITCHBOARD_LOG_LEVEL": level.rawValue]).logLevel == level)
        #expect(try settings(["SWITCHBOARD_LOG_LEVEL": level.rawValue.uppercased()]).logLevel == level)
    }

    @Test func badLogLevel() {
        #expect(problems(["SWITCHBOARD_LOG_LEVEL": "verbose"]) == [
            "SWITCHBOARD_LOG_LEVEL: unknown level \"verbose\" (expected trace, debug, info, notice, warning, error or critical)",
        ])
    }
}
