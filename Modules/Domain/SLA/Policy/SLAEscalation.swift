/// Automatic escalation on breach (§5, §6): each breached clock raises the ticket's escalation level once,
/// through the same escalation use case as a manual escalation.
public struct SLAEscalation: Sendable, Hashable, Codable {
    /// The department the ticket goes to; `nil` escalates within the ticket's own department (its tier
    /// rises). A ticket with neither is not escalated (there is nobody to escalate to).
    public var toDepartmentID: DepartmentID?

    public init(toDepartmentID: DepartmentID? = nil) {
        self.toDepartmentID = toDepartmentID
    }
}
