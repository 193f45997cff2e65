import GRDB

extension SLASchema {
    /// `v8_sla_verdicts`: the verdicts of stopped clocks (JSON list of clock states), kept whatever the policy becomes
    /// later. Records saved before have none: their stopped clocks are evaluated under the current policy until their
    /// next save records one.
    static func v8(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE ticket_sla ADD COLUMN verdicts TEXT NOT NULL DEFAULT '[]'")
    }
}
