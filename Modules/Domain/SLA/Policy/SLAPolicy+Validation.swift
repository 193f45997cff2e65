extension SLAPolicy {
    /// The longest target accepted: a year of working time.
    public static let maximumTargetSeconds = 365 * 86_400
    static let maximumName = 120
    static let maximumCategory = 50

    /// The policy with its name trimmed and categories trimmed and lower-cased; `DomainError.validation`
    /// names every wrong field (`name`, `targets.urgent.firstResponseSeconds`, `conditions.categories` …).
    public func validated() throws(DomainError) -> SLAPolicy {
        var v = Validator()
        let policy = normalized(&v, prefix: "")
        try v.check()
        return policy
    }

    /// An organization's whole list, as `PUT /sla-policies` replaces it: every policy valid, and no two
    /// with the same conditions (one would never apply). Fields are prefixed `policies[i].`.
    public static func validated(_ policies: [SLAPolicy]) throws(DomainError) -> [SLAPolicy] {
        var v = Validator()
        var result: [SLAPolicy] = []
        var firstWith: [SLAConditions: Int] = [:]
        for (index, policy) in policies.enumerated() {
            let normalized = policy.normalized(&v, prefix: "policies[\(index)].")
            if let first = firstWith[normalized.conditions] {
                v.fail("policies[\(index)].conditions", "are the same as those of policies[\(first)]")
            } else {
                firstWith[normalized.conditions] = index
            }
            result.append(normalized)
        }
        try v.check()
        return result
    }

    private func normalized(_ v: inout Validator, prefix: String) -> SLAPolicy {
        var policy = self
        policy.name = v.text(name, field: "\(prefix)name", max: Self.maximumName) ?? name
        for priority in Priority.allCases {
            let target = targets[priority]
            for metric in SLAMetric.allCases {
                let seconds = target.seconds(for: metric)
                if !(1...Self.maximumTargetSeconds).contains(seconds) {
                    let field = metric == .firstResponse ? "firstResponseSeconds" : "resolutionSeconds"
                    v.fail("\(prefix)targets.\(priority.rawValue).\(field)", "must be 1…\(Self.maximumTargetSeconds) seconds")
                }
            }
        }
        let categories = Set(conditions.categories.map { $0.trimmingWhitespace().lowercased() })
        if categories.contains("") { v.fail("\(prefix)conditions.categories", "must not contain an empty category") }
        if categories.contains(where: { $0.count > Self.maximumCategory }) {
            v.fail("\(prefix)conditions.categories", "must contain categories of at most \(Self.maximumCategory) characters")
        }
        policy.conditions.categories = categories
        return policy
    }
}
