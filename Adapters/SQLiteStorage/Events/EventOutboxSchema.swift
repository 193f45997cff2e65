import GRDB

/// The committed event outbox (SPEC §7), one function per migration that touches it.
enum EventOutboxSchema {
    static func v6(_ db: Database) throws {
        // AUTOINCREMENT: ids are never reused after the highest rows were relayed and removed, so they
        // keep increasing for the life of the database. A lease is a holder and an expiry, both or neither.
        try db.execute(sql: """
            CREATE TABLE event_outbox (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                payload TEXT NOT NULL,
                lease_holder TEXT,
                lease_expires_at INTEGER,
                CHECK ((lease_holder IS NULL) = (lease_expires_at IS NULL))
            ) STRICT;
            """)
    }
}
