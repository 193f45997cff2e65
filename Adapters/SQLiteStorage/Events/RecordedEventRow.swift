import Domain
import GRDB

/// A row of `event_outbox`: the event as JSON text under its allocated id.
enum RecordedEventRow {
    static func insert(_ db: Database, _ event: DomainEvent) throws {
        try db.run(sql: "INSERT INTO event_outbox (payload) VALUES (?)", arguments: [try event.jsonText()])
    }

    static func remove(_ db: Database, ids: [Int64]) throws {
        for id in ids {
            try db.run(sql: "DELETE FROM event_outbox WHERE id = ?", arguments: [id])
        }
    }

    static func recordedEvent(from row: Row) throws -> RecordedEvent {
        let id: Int64 = row["id"]
        do {
            return RecordedEvent(id: id, event: try DomainEvent(jsonText: try row.text("payload")))
        } catch let error as CorruptRow {
            throw error
        } catch {
            throw CorruptRow(reason: "event_outbox row \(id) does not hold an event: \(error)")
        }
    }
}
