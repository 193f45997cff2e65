/// Which tickets a policy is for. An empty set means "any"; a ticket matches when it matches every
/// non-empty set. A department condition never matches a ticket without a department.
public struct SLAConditions: Sendable, Hashable, Codable {
    /// Ticket categories (lower-case, as the organization defines them).
    public var categories: Set<String>
    public var departmentIDs: Set<DepartmentID>

    public init(categories: Set<String> = [], departmentIDs: Set<DepartmentID> = []) {
        self.categories = categories
        self.departmentIDs = departmentIDs
    }

    /// Matches every ticket: the organization's fallback policy.
    public static let any = SLAConditions()

    public func matches(category: String, departmentID: DepartmentID?) -> Bool {
        (categories.isEmpty || categories.contains(category))
            && (departmentIDs.isEmpty || departmentID.map(departmentIDs.contains) == true)
    }

    /// How specific the conditions are, for choosing among matching policies: a department condition
    /// weighs 2, a category condition 1 (a department is a team that owns the work, a category is one
    /// kind of work any team may get), so department-and-category > department > category > none.
    public var specificity: Int {
        (departmentIDs.isEmpty ? 0 : 2) + (categories.isEmpty ? 0 : 1)
    }

    /// How many values the non-empty conditions list: among equally specific policies, the narrower
    /// (fewer listed values) wins.
    public var breadth: Int { categories.count + departmentIDs.count }
}
