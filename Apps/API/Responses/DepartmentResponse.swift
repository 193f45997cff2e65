import Domain

/// A department.
struct DepartmentResponse: Encodable, Sendable {
    let id: String
    let name: String
    let description: String
    let tier: Int
    let routingStrategy: String
    /// `keep_assigned` or `return_to_queue`: what happens to an agent's open tickets when they go offline or away.
    let offlinePolicy: String
    let version: Int
    let createdAt: String
    let updatedAt: String

    init(_ department: Department) {
        id = department.id.description
        name = department.name
        description = department.description
        tier = department.tier
        routingStrategy = department.routingStrategy.rawValue
        offlinePolicy = department.offlinePolicy.rawValue
        version = department.version
        createdAt = WireTime.string(department.createdAt)
        updatedAt = WireTime.string(department.updatedAt)
    }
}
