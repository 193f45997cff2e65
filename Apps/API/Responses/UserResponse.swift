import Domain

/// An account as its owner and staff see it; never the password hash.
struct UserResponse: Encodable, Sendable {
    let id: String
    let organizationId: String
    let email: String
    let name: String
    @Nullable var phone: String?
    let role: String
    let isActive: Bool
    let createdAt: String
    let updatedAt: String

    init(_ user: User) {
        id = user.id.description
        organizationId = user.organizationID.description
        email = user.email.value
        name = user.name
        phone = user.phone
        role = user.role.rawValue
        isActive = user.isActive
        createdAt = WireTime.string(user.createdAt)
        updatedAt = WireTime.string(user.updatedAt)
    }
}
