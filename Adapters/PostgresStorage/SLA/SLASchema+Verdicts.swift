extension SLASchema {
    /// `v8_sla_verdicts`: the verdicts of stopped clocks (JSON list of clock states), kept whatever the policy becomes
    /// later. Records saved before have none: their stopped clocks are evaluated under the current policy until their
    /// next save records one.
    static let v8 = [
        "ALTER TABLE ticket_sla ADD COLUMN verdicts jsonb NOT NULL DEFAULT '[]'::jsonb",
    ]
}
