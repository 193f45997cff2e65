/// Collects every invalid field of an input, so that one response names all of them.
struct Validator {
    private(set) var violations: [FieldViolation] = []

    mutating func fail(_ field: String, _ message: String) {
        violations.append(FieldViolation(field: field, message: message))
    }

    /// Trimmed text of 1…`max` characters; records a violation and returns nil otherwise.
    mutating func text(_ value: String?, field: String, max: Int, required: Bool = true) -> String? {
        guard let value else {
            if required { fail(field, "is required") }
            return nil
        }
        let trimmed = value.trimmingWhitespace()
        if trimmed.isEmpty {
            if required { fail(field, "must not be empty") }
            return required ? nil : ""
        }
        guard trimmed.count <= max else {
            fail(field, "must be at most \(max) characters")
            return nil
        }
        return trimmed
    }

    mutating func range(_ value: Int?, field: String, _ bounds: ClosedRange<Int>) {
        guard let value else { return }
        if !bounds.contains(value) { fail(field, "must be between \(bounds.lowerBound) and \(bounds.upperBound)") }
    }

    /// Throws all collected violations, if any.
    func check() throws(DomainError) {
        if !violations.isEmpty { throw .validation(violations) }
    }
}

/// Input limits shared by the use cases.
enum Limits {
    static let subject = 200
    static let name = 120
    static let summary = 2_000
    static let reason = 2_000
    static let tag = 50
    static let tags = 20
    static let customFields = 50
    static let references = 20
    static let password = 8...128
    static let tiers = 1...3
}
