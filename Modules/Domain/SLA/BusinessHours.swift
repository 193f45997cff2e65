/// An organization's named business-hours calendar (`/api/v1/business-hours`), which SLA policies refer to.
public struct BusinessHours: Sendable, Equatable {
    public let id: BusinessHoursID
    public let organizationID: OrganizationID
    public var name: String
    public var definition: BusinessCalendarDefinition

    public init(id: BusinessHoursID, organizationID: OrganizationID, name: String, definition: BusinessCalendarDefinition) {
        self.id = id
        self.organizationID = organizationID
        self.name = name
        self.definition = definition
    }

    /// The validated calendar; `DomainError.validation` names the wrong fields of `definition`.
    public func calendar() throws(DomainError) -> BusinessCalendar {
        try BusinessCalendar(definition)
    }
}

public typealias BusinessHoursID = Identifier<BusinessHours>
