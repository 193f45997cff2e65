import GRDB

/// The `detail` lines of SQLite's plan for `sql` (the first column is only a node number).
func queryPlan(_ db: Database, _ sql: String, _ arguments: StatementArguments) throws -> [String] {
    try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN \(sql)", arguments: arguments).map { $0["detail"] }
}
