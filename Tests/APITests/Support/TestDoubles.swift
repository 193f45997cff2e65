import Domain
import Foundation
import Memory

/// The memory store as the migratable storage a `Runtime` holds: it has no schema to migrate.
extension MemoryStorage: MigratableStorage {
    public func migrate() async throws -> [String] { [] }
}

/// Real-time delivery is not under test here: events are accepted and dropped.
struct DiscardingTransport: Transport {
    func publish(_ events: [DomainEvent]) async throws -> [PublishedEvent] {
        events.enumerated().map { PublishedEvent(sequence: Int64($0.offset + 1), event: $0.element) }
    }

    func subscribe() async -> AsyncStream<PublishedEvent> { AsyncStream { $0.finish() } }

    func events(after sequence: Int64) async throws -> [PublishedEvent] { [] }
}
