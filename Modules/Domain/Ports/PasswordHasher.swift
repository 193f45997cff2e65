/// Turns passwords into slow, salted hashes (bcrypt or argon2 in adapters).
///
/// Rules: `hash` never returns the password; `verify` is true only for the password that was hashed,
/// and false (not an error) for a wrong one or a malformed hash.
public protocol PasswordHasher: Sendable {
    func hash(_ password: String) async throws -> String
    func verify(_ password: String, against hash: String) async throws -> Bool
}
