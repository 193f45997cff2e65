import Bootstrap
import Domain
import Foundation
import Testing

/// The access-token signing key: configured, or generated once into the data folder and reused.
@Suite struct SigningSecretTests {
    /// Hands out `first`, then `second` …, so that a second generation would be visible.
    final class CountingGenerator: SecretGenerator, @unchecked Sendable {
        private var count = 0
        private let lock = NSLock()
        func makeSecret() -> String {
            lock.withLock { count += 1; return "generated-secret-number-\(count)-" + String(repeating: "x", count: 20) }
        }
        func digest(_ secret: String) -> String { "d:" + secret }
    }

    private func withDataFolder(_ body: (String) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("switchboard-secret-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try body(folder)
    }

    @Test func embeddedModeGeneratesOnceWithOwnerOnlyPermissionsAndReuses() throws {
        try withDataFolder { folder in
            let settings = try settings(["SWITCHBOARD_DATA_DIR": folder])
            let generator = CountingGenerator()
            let first = try SigningSecret.resolve(settings, generator: generator)
            let attributes = try FileManager.default.attributesOfItem(atPath: settings.jwtSecretFile)
            #expect(attributes[.posixPermissions] as? Int == 0o600)
            let second = try SigningSecret.resolve(settings, generator: generator)
            #expect(first == second, "a restart signs with the same key")
            #expect(first.value.hasPrefix("generated-secret-number-1-"))
        }
    }

    @Test func aConfiguredSecretWinsAndWritesNothing() throws {
        try withDataFolder { folder in
            let settings = try settings(["SWITCHBOARD_DATA_DIR": folder, "SWITCHBOARD_JWT_SECRET": validJWTSecret])
            #expect(try SigningSecret.resolve(settings, generator: CountingGenerator()).value == validJWTSecret)
            #expect(!FileManager.default.fileExists(atPath: settings.jwtSecretFile))
        }
    }

    @Test func aDamagedSecretFileIsOneReadableError() throws {
        try withDataFolder { folder in
            let settings = try settings(["SWITCHBOARD_DATA_DIR": folder])
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try Data("short\n".utf8).write(to: URL(fileURLWithPath: settings.jwtSecretFile))
            #expect {
                try SigningSecret.resolve(settings, generator: CountingGenerator())
            } throws: { error in
                "\(error)".hasPrefix("SWITCHBOARD_JWT_SECRET: ") && "\(error)".contains("too short")
            }
        }
    }
}
