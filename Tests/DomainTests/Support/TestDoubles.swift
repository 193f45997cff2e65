import Domain
import Foundation
import Synchronization

/// Records published events so that tests can assert what the use cases announced.
final class RecordingTransport: Transport {
    private let log = Mutex<[PublishedEvent]>([])

    var published: [DomainEvent] { log.withLock { $0.map(\.event) } }

    func publish(_ events: [DomainEvent]) async throws -> [PublishedEvent] {
        log.withLock { log in
            let numbered = events.enumerated().map { PublishedEvent(sequence: Int64(log.count + $0.offset + 1), event: $0.element) }
            log.append(contentsOf: numbered)
            return numbered
        }
    }

    func subscribe() async -> AsyncStream<PublishedEvent> { AsyncStream { $0.finish() } }

    func events(after sequence: Int64) async throws -> [PublishedEvent] { log.withLock { $0.filter { $0.sequence > sequence } } }
}

/// A reversible stand-in for bcrypt: domain tests check the use cases' logic, not hashing cost.
struct PlainPasswordHasher: PasswordHasher {
    func hash(_ password: String) async throws -> String { "plain:" + String(password.reversed()) }
    func verify(_ password: String, against hash: String) async throws -> Bool { hash == "plain:" + String(password.reversed()) }
}
