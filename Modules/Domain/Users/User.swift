import Foundation

/// A person who signs in: a customer or a member of staff.
public struct User: Sendable, Equatable {
    public let id: UserID
    public let organizationID: OrganizationID
    /// Unique within the organization.
    public var email: EmailAddress
    public var name: String
    public var phone: String?
    public var role: Role
    /// Opaque hash produced by a `PasswordHasher`; never the password itself.
    public var passwordHash: String
    public var isActive: Bool
    public let createdAt: Date
    public var updatedAt: Date
    /// Optimistic-concurrency version, incremented by every update.
    public var version: Int

    public init(
        id: UserID, organizationID: OrganizationID, email: EmailAddress, name: String, phone: String? = nil,
        role: Role, passwordHash: String, isActive: Bool = true, createdAt: Date, updatedAt: Date? = nil, version: Int = 1
    ) {
        self.id = id
        self.organizationID = organizationID
        self.email = email
        self.name = name
        self.phone = phone
        self.role = role
        self.passwordHash = passwordHash
        self.isActive = isActive
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
        self.version = version
    }
}
