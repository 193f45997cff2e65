import PostgresNIO

/// A statement assembled from fixed SQL fragments and bound values, for the queries whose shape
/// depends on their input (ticket lists). Values always travel as parameters (`$1`, `$2` …);
/// only fixed fragments of this adapter are spliced into the text.
struct SQLStatement {
    private(set) var sql = ""
    private(set) var binds = PostgresBindings()

    /// Binds `value` and returns its placeholder.
    mutating func bind<Value: PostgresDynamicTypeEncodable>(_ value: Value) -> String {
        binds.append(value)
        return "$\(binds.count)"
    }

    mutating func append(_ fragment: String) { sql += fragment }

    var query: PostgresQuery { PostgresQuery(unsafeSQL: sql, binds: binds) }
}
