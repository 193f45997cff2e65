import BcryptPasswordHasher
import CryptoSecretGenerator
import Domain
import InProcessTransport
import SystemClock

/// The non-storage ports a job benchmark runs use cases with: the production adapters, composed as the
/// embedded mode composes them (an in-process transport nobody subscribes to: events stay in the
/// committed outbox, no relay runs here). Passwords are never hashed by the benchmarked use cases.
enum BenchPorts {
    static func dependencies(storage: any Storage) -> Dependencies {
        let clock = SystemWallClock()
        return Dependencies(
            storage: storage, clock: clock, ids: SystemIDGenerator(clock: clock), transport: InProcessTransport(),
            passwordHasher: BcryptPasswordHasher(), secrets: CryptoSecretGenerator()
        )
    }
}
