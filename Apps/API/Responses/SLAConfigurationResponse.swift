import Domain

/// One SLA policy as `GET/PUT /sla-policies` return it.
struct SLAPolicyResponse: Encodable, Sendable {
    struct Conditions: Encodable, Sendable {
        let categories: [String]
        let departmentIds: [String]
    }

    struct Escalation: Encodable, Sendable {
        @Nullable var toDepartmentId: String?
    }

    let id: String
    let name: String
    let targets: SLATargets
    let conditions: Conditions
    @Nullable var businessHoursId: String?
    @Nullable var escalation: Escalation?

    init(_ policy: SLAPolicy) {
        id = policy.id.description
        name = policy.name
        targets = policy.targets
        conditions = Conditions(categories: policy.conditions.categories.sorted(), departmentIds: policy.conditions.departmentIDs.sorted().map(\.description))
        businessHoursId = policy.businessHoursID?.description
        escalation = policy.escalation.map { Escalation(toDepartmentId: $0.toDepartmentID?.description) }
    }
}

/// One business-hours calendar as `GET/PUT /business-hours` return it.
struct BusinessHoursResponse: Encodable, Sendable {
    let id: String
    let name: String
    let timeZone: String
    let weeklySlots: [WeeklySlot]
    let holidays: [Holiday]

    init(_ hours: BusinessHours) {
        id = hours.id.description
        name = hours.name
        timeZone = hours.definition.timeZone
        weeklySlots = hours.definition.weeklySlots
        holidays = hours.definition.holidays
    }
}
