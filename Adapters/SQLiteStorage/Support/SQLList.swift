/// Placeholders for `IN (…)` lists: the values themselves always travel as arguments.
enum SQLList {
    static func placeholders(_ count: Int) -> String {
        Array(repeating: "?", count: count).joined(separator: ", ")
    }
}
