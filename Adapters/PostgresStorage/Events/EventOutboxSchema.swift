/// The committed event outbox (SPEC §7), one list of statements per migration that touches it.
enum EventOutboxSchema {
    static let v6 = [
        // bigserial: ids increase across every process writing to the database and are never reused.
        // A lease is a holder and an expiry, both or neither.
        """
        CREATE TABLE event_outbox (
            id bigserial NOT NULL CONSTRAINT event_outbox_pkey PRIMARY KEY,
            payload text NOT NULL,
            lease_holder text,
            lease_expires_at timestamptz,
            CHECK ((lease_holder IS NULL) = (lease_expires_at IS NULL))
        )
        """,
    ]
}
