import Domain
import Foundation
import Synchronization

/// The non-storage ports a job benchmark needs to run use cases in this process. The benchmark depends on the
/// storage adapters only (not on Bootstrap), so it brings minimal production-like versions of its own: a
/// millisecond wall clock, a version-7 id generator, and a transport nobody listens to (events stay in the
/// committed outbox; no relay runs here). Passwords and secrets are never used by the benchmarked use cases.
enum BenchPorts {
    static func dependencies(storage: any Storage) -> Dependencies {
        let clock = Clock()
        return Dependencies(storage: storage, clock: clock, ids: IDs(clock: clock), transport: SilentTransport(), passwordHasher: NoPasswords(), secrets: NoSecrets())
    }

    /// The system time truncated to milliseconds, never going backwards in this process.
    struct Clock: WallClock {
        private let latest = Shared(Int64.min)

        func now() -> Date {
            let reading = Date().millisecondsSince1970
            return Date(millisecondsSince1970: latest.value.withLock { latest in
                latest = max(latest, reading)
                return latest
            })
        }
    }

    /// Version-7 UUIDs, strictly increasing: a 12-bit sequence orders ids minted within one millisecond.
    struct IDs: IDGenerator {
        let clock: Clock
        private let state = Shared((millisecond: UInt64(0), sequence: UInt16(0)))

        init(clock: Clock) { self.clock = clock }

        func next() -> UUID {
            let now = UInt64(max(0, clock.now().millisecondsSince1970))
            let (millisecond, sequence) = state.value.withLock { state -> (UInt64, UInt16) in
                if now > state.millisecond {
                    state = (now, 0)
                } else if state.sequence < 0x0FFF {
                    state.sequence += 1
                } else {
                    state = (state.millisecond + 1, 0)
                }
                return state
            }
            var random = SystemRandomNumberGenerator()
            return UUIDv7.make(milliseconds: millisecond, sequence: sequence, random: random.next())
        }
    }

    /// A mutex shared by copies of a value type.
    final class Shared<Value: Sendable>: Sendable {
        let value: Mutex<Value>
        init(_ value: Value) { self.value = Mutex(value) }
    }

    /// Numbers what is published and delivers it to nobody: the benchmark measures commits, not fan-out.
    actor SilentTransport: Transport {
        private var sequence: Int64 = 0

        func publish(_ events: [DomainEvent]) async throws -> [PublishedEvent] {
            events.map { event in
                sequence += 1
                return PublishedEvent(sequence: sequence, event: event)
            }
        }

        func subscribe() async -> AsyncStream<PublishedEvent> { AsyncStream { $0.finish() } }

        func events(after sequence: Int64) async throws -> [PublishedEvent] { [] }
    }

    struct Unused: Error, CustomStringConvertible {
        var description: String { "the job benchmarks neither hash passwords nor mint secrets" }
    }

    struct NoPasswords: PasswordHasher {
        func hash(_ password: String) async throws -> String { throw Unused() }
        func verify(_ password: String, against hash: String) async throws -> Bool { throw Unused() }
    }

    struct NoSecrets: SecretGenerator {
        func makeSecret() -> String { preconditionFailure(Unused().description) }
        func digest(_ secret: String) -> String { preconditionFailure(Unused().description) }
    }
}
