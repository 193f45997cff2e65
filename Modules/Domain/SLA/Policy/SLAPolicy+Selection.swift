extension SLAPolicy {
    /// The policy that applies to a ticket with this category and department, among an organization's
    /// policies; `nil` when none matches (then `SLAClock.default` applies: the §6 targets, 24/7).
    ///
    /// The most specific match wins: by `SLAConditions.specificity` (department and category >
    /// department > category > no condition), then by `breadth` (fewer listed values is narrower),
    /// then by position in `policies` (the organization's order).
    public static func select(from policies: [SLAPolicy], category: String, departmentID: DepartmentID?) -> SLAPolicy? {
        var best: SLAPolicy?
        for policy in policies where policy.conditions.matches(category: category, departmentID: departmentID) {
            guard let current = best else {
                best = policy
                continue
            }
            let (a, b) = (policy.conditions, current.conditions)
            if a.specificity > b.specificity || (a.specificity == b.specificity && a.breadth < b.breadth) { best = policy }
        }
        return best
    }

    /// The policy that applies to `ticket`, among `policies` of its organization.
    public static func select(from policies: [SLAPolicy], for ticket: Ticket) -> SLAPolicy? {
        select(
            from: policies.filter { $0.organizationID == ticket.organizationID },
            category: ticket.category, departmentID: ticket.departmentID
        )
    }
}
