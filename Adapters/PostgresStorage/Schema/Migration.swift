/// One step of the versioned schema: a name recorded in `schema_migrations` and the statements that
/// make the step, run in one transaction (PostgreSQL's DDL is transactional: a step applies whole or
/// not at all).
struct Migration: Sendable {
    let name: String
    let statements: [String]
}
