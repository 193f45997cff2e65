import Foundation

extension Actor {
    /// The identity under which the worker decides on its own (auto-assignment, SLA escalation): admin rights in one
    /// organization, under a fixed id no stored user has. What it does is recorded without an actor
    /// (`AuditEvent.actorID == nil`, "the system acted").
    public static func system(in organization: OrganizationID) -> Actor {
        Actor(userID: systemUserID, organizationID: organization, role: .admin)
    }

    /// Whether this is `system(in:)`.
    public var isSystem: Bool { userID == Self.systemUserID }

    /// The actor as history records it: `nil` for the system.
    public var recordedID: UserID? { isSystem ? nil : userID }

    private static let systemUserID = UserID(UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1)))
}
