import Domain

/// Turns the strings of a request body into domain values (enums, ids), collecting every value outside
/// its set as a validation violation (422) so that one response names all of them. Shape errors (a number
/// where a string belongs) never get here: they are 400s from `JSONBody`.
struct FieldReader {
    private(set) var violations: [FieldViolation] = []

    /// A value of a string enum; `nil` when absent (and a violation when `required`) or unknown.
    mutating func choice<E: RawRepresentable & CaseIterable>(_ text: String?, _ field: String, required: Bool = false) -> E?
    where E.RawValue == String {
        guard let text else {
            if required { fail(field, "is required") }
            return nil
        }
        guard let value = E(rawValue: text) else {
            fail(field, "must be one of \(E.allCases.map(\.rawValue).joined(separator: ", "))")
            return nil
        }
        return value
    }

    /// A whole number given as text (a query parameter); `nil` when absent or not a number.
    mutating func integer(_ text: String?, _ field: String) -> Int? {
        guard let text else { return nil }
        guard let value = Int(text) else {
            fail(field, "must be an integer")
            return nil
        }
        return value
    }

    /// An id; `nil` when absent or not an id.
    mutating func id<Entity>(_ text: String?, _ field: String, required: Bool = false) -> Identifier<Entity>? {
        guard let text else {
            if required { fail(field, "is required") }
            return nil
        }
        guard let id = Identifier<Entity>(text) else {
            fail(field, "is not an id")
            return nil
        }
        return id
    }

    /// A list of ids; `nil` when absent or when any element is not an id.
    mutating func ids<Entity>(_ texts: [String]?, _ field: String) -> [Identifier<Entity>]? {
        guard let texts else { return nil }
        var result: [Identifier<Entity>] = []
        for (index, text) in texts.enumerated() {
            guard let id = Identifier<Entity>(text) else {
                fail("\(field)[\(index)]", "is not an id")
                return nil
            }
            result.append(id)
        }
        return result
    }

    /// The value, or a violation when it is absent.
    mutating func required<T>(_ value: T?, _ field: String) -> T? {
        if value == nil { fail(field, "is required") }
        return value
    }

    mutating func fail(_ field: String, _ message: String) {
        violations.append(FieldViolation(field: field, message: message))
    }

    /// Throws every collected violation as one validation error.
    func check() throws(DomainError) {
        if !violations.isEmpty { throw .validation(violations) }
    }
}
