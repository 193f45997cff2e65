/// A stored row that cannot be mapped back to its entity (hand-edited data, unknown enum value …).
/// Reported to callers as `StorageError.unavailable`: the store cannot answer correctly.
struct CorruptRow: Error, CustomStringConvertible {
    let reason: String

    var description: String { reason }
}
