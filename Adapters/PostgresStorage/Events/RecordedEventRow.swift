import Domain
import PostgresNIO

/// A row of `event_outbox`: the event as JSON text under its allocated id.
enum RecordedEventRow {
    static func insert(_ transaction: Transaction, _ event: DomainEvent) async throws {
        try await transaction.execute("INSERT INTO event_outbox (payload) VALUES (\(try event.jsonText()))")
    }

    /// Several events in one statement, numbered in the order given (PostgreSQL computes the id's volatile default
    /// after the sort).
    static func insert(_ transaction: Transaction, _ events: [DomainEvent]) async throws {
        let payloads = try events.map { try $0.jsonText() }
        try await transaction.execute("""
            INSERT INTO event_outbox (payload)
            SELECT payload FROM unnest(\(payloads)::text[]) WITH ORDINALITY AS e(payload, n) ORDER BY n
            """)
    }

    static func remove(_ transaction: Transaction, ids: [Int64]) async throws {
        guard !ids.isEmpty else { return }
        try await transaction.execute("DELETE FROM event_outbox WHERE id = ANY(\(ids))")
    }

    static func recordedEvent(from row: RowReader) throws -> RecordedEvent {
        let id: Int64 = try row.value("id")
        do {
            return RecordedEvent(id: id, event: try DomainEvent(jsonText: try row.text("payload")))
        } catch let error as CorruptRow {
            throw error
        } catch {
            throw CorruptRow(reason: "event_outbox row \(id) does not hold an event: \(error)")
        }
    }
}
