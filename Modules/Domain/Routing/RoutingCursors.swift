/// The round-robin cursor of every routing pool: the id of the agent last served, per department.
///
/// The key `nil` is the pool of tickets without a department (served by any agent of the organization). The caller
/// persists the cursors between passes — that, and nothing in memory, is what keeps the rotation fair across
/// restarts and across worker processes.
public typealias RoutingCursors = [DepartmentID?: UserID]
