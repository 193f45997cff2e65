/// An organization's service-level policy (§6): targets per priority, which tickets it is for, and the
/// business hours its clocks count (none: around the clock).
///
/// Several policies may match a ticket; `SLAPolicy.select(from:category:departmentID:)` says which wins.
public struct SLAPolicy: Sendable, Equatable {
    public let id: SLAPolicyID
    public let organizationID: OrganizationID
    public var name: String
    public var targets: SLATargets
    public var conditions: SLAConditions
    /// The calendar whose working time the targets count; `nil` means 24/7.
    public var businessHoursID: BusinessHoursID?
    /// What the SLA worker does when a clock of a ticket under this policy is breached; `nil`: nothing
    /// beyond recording and notifying.
    public var escalation: SLAEscalation?

    public init(
        id: SLAPolicyID, organizationID: OrganizationID, name: String, targets: SLATargets = .defaults,
        conditions: SLAConditions = .any, businessHoursID: BusinessHoursID? = nil, escalation: SLAEscalation? = nil
    ) {
        self.id = id
        self.organizationID = organizationID
        self.name = name
        self.targets = targets
        self.conditions = conditions
        self.businessHoursID = businessHoursID
        self.escalation = escalation
    }
}

public typealias SLAPolicyID = Identifier<SLAPolicy>
