/// One persisted round-robin cursor (`RoutingCursors` holds their agents): the agent a department's pool served
/// last, with the version that makes concurrent passes in several worker processes take turns instead of both
/// advancing it (`UnitOfWork.Change.setRoutingCursor`).
public struct RoutingCursor: Sendable, Equatable {
    public let organizationID: OrganizationID
    /// `nil`: the pool of tickets without a department.
    public let departmentID: DepartmentID?
    public var agentID: UserID
    /// 1 when first stored, +1 with every change.
    public var version: Int

    public init(organizationID: OrganizationID, departmentID: DepartmentID?, agentID: UserID, version: Int) {
        self.organizationID = organizationID
        self.departmentID = departmentID
        self.agentID = agentID
        self.version = version
    }
}
