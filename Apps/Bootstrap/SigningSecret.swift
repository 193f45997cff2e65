import Domain
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The key that signs access tokens: `SWITCHBOARD_JWT_SECRET` when set; in embedded mode otherwise a
/// secret generated once into `Settings.jwtSecretFile` (owner-only permissions) and reused on every
/// later start, so that tokens survive restarts without any configuration.
public enum SigningSecret {
    /// The secret to sign with, creating the embedded one on first use.
    /// - Throws: `RuntimeError` naming `SWITCHBOARD_JWT_SECRET` when no secret can be had.
    public static func resolve(_ settings: Settings, generator: any SecretGenerator) throws(RuntimeError) -> Secret {
        if let configured = settings.jwtSecret { return configured }
        guard settings.isEmbedded else {
            // `Settings.parse` already refuses this; kept so that the rule does not depend on it.
            throw RuntimeError(.jwtSecret, "required outside embedded mode")
        }
        let path = settings.jwtSecretFile
        if let existing = try read(path) { return existing }
        return try create(path, generator: generator)
    }

    private static func read(_ path: String) throws(RuntimeError) -> Secret? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw RuntimeError(.jwtSecret, "cannot read the generated secret at \(path)")
        }
        let secret = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard secret.utf8.count >= Settings.minimumJWTSecretBytes else {
            throw RuntimeError(.jwtSecret, "the generated secret at \(path) is too short; delete the file to generate a new one")
        }
        return Secret(secret)
    }

    private static func create(_ path: String, generator: any SecretGenerator) throws(RuntimeError) -> Secret {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        let secret = generator.makeSecret()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw RuntimeError(.jwtSecret, "cannot create the folder \(folder.path): \(error.localizedDescription)")
        }
        // O_EXCL with mode 0600: the secret is never readable by others, not even briefly, and two
        // processes starting at once cannot both write one (the loser reads the winner's).
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        if descriptor < 0 {
            if errno == EEXIST, let existing = try read(path) { return existing }
            throw RuntimeError(.jwtSecret, "cannot write the generated secret to \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        let bytes = Array((secret + "\n").utf8)
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count else {
            unlink(path)
            throw RuntimeError(.jwtSecret, "cannot write the generated secret to \(path)")
        }
        return Secret(secret)
    }
}
