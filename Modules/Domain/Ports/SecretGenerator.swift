/// Mints unguessable secrets (refresh tokens, API keys) and the one-way digests that are stored instead.
///
/// Rules: secrets carry at least 256 bits of randomness from a cryptographic source and are URL-safe;
/// `digest` is deterministic, one-way (SHA-256 or stronger) and never equal to the secret.
public protocol SecretGenerator: Sendable {
    func makeSecret() -> String
    func digest(_ secret: String) -> String
}
