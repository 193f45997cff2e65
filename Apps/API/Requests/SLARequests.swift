import Domain

/// `PUT /sla-policies`: the organization's whole list, in the order that breaks selection ties.
struct ReplaceSLAPoliciesRequest: Decodable, Sendable {
    var items: [SLAPolicyRequest]

    func inputs() throws(DomainError) -> [SLAConfigurationUseCases.PolicyInput] {
        var reader = FieldReader()
        let inputs = items.enumerated().map { index, item in item.input(&reader, prefix: "items[\(index)].") }
        try reader.check()
        return inputs
    }
}

/// One policy: targets per priority in seconds (omitted: the §6 defaults), conditions, calendar, escalation.
struct SLAPolicyRequest: Decodable, Sendable {
    struct Conditions: Decodable, Sendable {
        var categories: [String]?
        var departmentIds: [String]?
    }

    struct Escalation: Decodable, Sendable {
        var toDepartmentId: String?
    }

    var id: String?
    var name: String
    var targets: SLATargets?
    var conditions: Conditions?
    var businessHoursId: String?
    var escalation: Escalation?

    func input(_ reader: inout FieldReader, prefix: String) -> SLAConfigurationUseCases.PolicyInput {
        let id: SLAPolicyID? = reader.id(self.id, "\(prefix)id")
        let departments: [DepartmentID] = reader.ids(conditions?.departmentIds, "\(prefix)conditions.departmentIds") ?? []
        let hours: BusinessHoursID? = reader.id(businessHoursId, "\(prefix)businessHoursId")
        let escalation = self.escalation.map { escalation in
            SLAEscalation(toDepartmentID: reader.id(escalation.toDepartmentId, "\(prefix)escalation.toDepartmentId"))
        }
        return SLAConfigurationUseCases.PolicyInput(
            id: id, name: name, targets: targets ?? .defaults,
            conditions: SLAConditions(categories: Set(conditions?.categories ?? []), departmentIDs: Set(departments)),
            businessHoursID: hours, escalation: escalation
        )
    }
}

/// `PUT /business-hours`: the organization's whole list of calendars.
struct ReplaceBusinessHoursRequest: Decodable, Sendable {
    struct Item: Decodable, Sendable {
        var id: String?
        var name: String
        var timeZone: String
        var weeklySlots: [WeeklySlot]
        var holidays: [Holiday]?
    }

    var items: [Item]

    func inputs() throws(DomainError) -> [SLAConfigurationUseCases.HoursInput] {
        var reader = FieldReader()
        let inputs = items.enumerated().map { index, item in
            SLAConfigurationUseCases.HoursInput(
                id: reader.id(item.id, "items[\(index)].id"), name: item.name,
                definition: BusinessCalendarDefinition(timeZone: item.timeZone, weeklySlots: item.weeklySlots, holidays: item.holidays ?? [])
            )
        }
        try reader.check()
        return inputs
    }
}
