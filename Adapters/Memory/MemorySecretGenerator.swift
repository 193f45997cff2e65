import Domain
import Synchronization

/// Predictable secrets for tests: `secret-1`, `secret-2` … with a digest that is not the secret.
/// Not for production: the secrets are guessable by design.
public final class MemorySecretGenerator: SecretGenerator {
    private let counter = Mutex(0)

    public init() {}

    public func makeSecret() -> String {
        "secret-" + String(counter.withLock { $0 += 1; return $0 })
    }

    public func digest(_ secret: String) -> String { "digest:" + String(secret.reversed()) }
}
