import Bootstrap
import Testing

@Suite("SWITCHBOARD_DATABASE_URL")
struct DatabaseSettingsTests {
    @Test(arguments: [
        ("sqlite:///var/lib/switchboard/main.db", "/var/lib/switchboard/main.db"),
        ("sqlite:relative/path.db", "relative/path.db"),
        ("sqlite:./var/x.db", "./var/x.db"),
        ("sqlite:/absolute/without/slashes.db", "/absolute/without/slashes.db"),
        ("SQLITE:///upper/case/scheme.db", "/upper/case/scheme.db"),
        ("sqlite:///with%20space/x.db", "/with space/x.db"),
    ])
    func sqliteForms(url: String, path: String) throws {
        let result = try settings(["SWITCHBOARD_DATABASE_URL": url])
        #expect(result.database == .sqlite(path: path), "\(url)")
        #expect(result.isEmbedded)
        #expect(result.sources[.databaseURL] == .environment)
    }

    @Test func postgresFullForm() throws {
        let result = try settings([
            "SWITCHBOARD_DATABASE_URL": "postgres://switchboard:s3cret@db.internal:6543/support",
            "SWITCHBOARD_JWT_SECRET": validJWTSecret,
        ])
        #expect(result.database == .postgres(PostgresSettings(host: "db.internal", port: 6543, user: "switchboard", password: Secret("s3cret"), database: "support")))
        #expect(!result.isEmbedded)
    }

    @Test(arguments: [
        ("postgresql://u@localhost/db", PostgresSettings(host: "localhost", port: 5432, user: "u", password: nil, database: "db")),
        ("postgres://u:p@127.0.0.1/db", PostgresSettings(host: "127.0.0.1", port: 5432, user: "u", password: Secret("p"), database: "db")),
        ("postgres://u:p@[::1]:5433/db", PostgresSettings(host: "::1", port: 5433, user: "u", password: Secret("p"), database: "db")),
        ("postgres://u:p%40ss%3Aw%2Fd@h/db", PostgresSettings(host: "h", port: 5432, user: "u", password: Secret("p@ss:w/d"), database: "db")),
        ("postgres://u:p@ss@h/db", PostgresSettings(host: "h", port: 5432, user: "u", password: Secret("p@ss"), database: "db")),
        ("postgres://u:@h/db", PostgresSettings(host: "h", port: 5432, user: "u", password: Secret(""), database: "db")),
        ("postgres://svc_user:pw@pg_primary:5432/db", PostgresSettings(host: "pg_primary", port: 5432, user: "svc_user", password: Secret("pw"), database: "db")),
    ])
    func postgresForms(url: String, expected: PostgresSettings) throws {
        let result = try settings(["SWITCHBOARD_DATABASE_URL": url, "SWITCHBOARD_JWT_SECRET": validJWTSecret])
        #expect(result.database == .postgres(expected), "\(url)")
    }

    @Test(arguments: [
        Rejection("mysql://u:p@h/db", "unsupported scheme \"mysql\" (expected sqlite:// or postgres://)"),
        Rejection("./var/switchboard.db", "not a URL (expected sqlite:///absolute/path.db, sqlite:relative/path.db or postgres://user:password@host:port/database)"),
        Rejection("sqlite://var/x.db", "sqlite: URLs take no host (\"var\"): write sqlite:///absolute/path.db or sqlite:relative/path.db"),
        Rejection("sqlite://", "missing the database file path"),
        Rejection("sqlite:", "missing the database file path"),
        Rejection("sqlite:///var/", "the database path ends with \"/\": name a file"),
        Rejection("sqlite:///x.db?mode=memory", "unsupported parameter \"mode\" (this URL takes no parameters)"),
        Rejection("postgres:db", "expected postgres://user:password@host:port/database (the \"//\" is missing)"),
        Rejection("postgres://h/db", "missing the user name (postgres://USER:password@host:port/database)"),
        Rejection("postgres://u:p@/db", "missing the host (postgres://user:password@HOST:port/database)"),
        Rejection("postgres://u:p@h:54x2/db", "port \"54x2\" is not a port number (expected 1–65535)"),
        Rejection("postgres://u:p@h:0/db", "port \"0\" is not a port number (expected 1–65535)"),
        Rejection("postgres://u:p@h:65536/db", "port \"65536\" is not a port number (expected 1–65535)"),
        Rejection("postgres://u:p@h:/db", "port \"\" is not a port number (expected 1–65535)"),
        Rejection("postgres://u:p@h", "missing the database name (postgres://user:password@host:port/DATABASE)"),
        Rejection("postgres://u:p@h/", "missing the database name (postgres://user:password@host:port/DATABASE)"),
        Rejection("postgres://u:p@h/db/extra", "database name \"db/extra\" contains \"/\""),
        Rejection("postgres://u:p@h/db?sslmode=require", "unsupported parameter \"sslmode\" (this URL takes no parameters)"),
        Rejection("postgres://u:p@::1/db", "host has several \":\" (write an IPv6 address in brackets: [::1])"),
        Rejection("postgres://u:p@[::1/db", "IPv6 address lacks its closing \"]\""),
        Rejection("postgres://u:p@[::1]x/db", "unexpected \"x\" after the IPv6 address (expected :port)"),
        Rejection("postgres://u:p@bad host/db", "\"bad host\" is not a host name or IP address"),
        Rejection("postgres://u:p@-bad/db", "\"-bad\" is not a host name or IP address"),
        Rejection("postgres://u:p%zz@h/db", "invalid percent-encoding in the password (expected % followed by two hex digits)"),
        Rejection("postgres://u:pa#ss@h/db", "contains \"#\": percent-encode it as %23 (in a password, for example)"),
    ])
    func rejected(_ rejection: Rejection) {
        #expect(problems(["SWITCHBOARD_DATABASE_URL": rejection.value, "SWITCHBOARD_JWT_SECRET": validJWTSecret])
            == ["SWITCHBOARD_DATABASE_URL: \(rejection.message)"])
    }

    @Test func messagesNeverQuoteThePassword() {
        for url in ["postgres://u:hunter2@h:bad/db", "postgres://u:hunter2@/db", "postgres://u:hunter2@h", "mysql://u:hunter2@h/db",
                    "postgres://u:hunter2%@h/db", "postgres://u:hunter2#@h/db"] {
            let lines = problems(["SWITCHBOARD_DATABASE_URL": url])
            #expect(!lines.isEmpty, "\(url) should be refused")
            #expect(lines.allSatisfy { !$0.contains("hunter2") }, "\(lines)")
        }
    }

    @Test func postgresRequiresASharedJWTSecret() {
        #expect(problems(["SWITCHBOARD_DATABASE_URL": "postgres://u:p@h/db"]) == [
            "SWITCHBOARD_JWT_SECRET: required with a postgres:// database (every API process must sign tokens with the same secret)",
        ])
    }
}
