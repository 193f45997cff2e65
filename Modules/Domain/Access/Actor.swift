import Foundation

/// Who is acting: the authenticated user with what the permission policy needs to know.
/// Built once per request from the user record and, for staff, their agent profile.
public struct Actor: Sendable, Equatable {
    public let userID: UserID
    public let organizationID: OrganizationID
    public let role: Role
    /// Departments the user belongs to (empty for customers).
    public let departmentIDs: Set<DepartmentID>

    public init(userID: UserID, organizationID: OrganizationID, role: Role, departmentIDs: Set<DepartmentID> = []) {
        self.userID = userID
        self.organizationID = organizationID
        self.role = role
        self.departmentIDs = departmentIDs
    }
}

extension Actor {
    /// The identity of operator tooling (the CLI run by whoever runs the install): admin rights in one
    /// organization, under the nil user id, which no stored user ever has.
    public static func `operator`(in organization: OrganizationID) -> Actor {
        Actor(userID: UserID(UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))), organizationID: organization, role: .admin)
    }
}
