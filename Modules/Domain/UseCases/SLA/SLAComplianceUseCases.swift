import Foundation

/// SLA compliance per agent, department and period (§6, §11): of the tickets created in a period, how
/// many met and how many breached each target, evaluated now; stopped clocks count with their stored verdicts.
public struct SLAComplianceUseCases: Sendable {
    let deps: Dependencies

    public init(_ deps: Dependencies) { self.deps = deps }

    /// Met and breached counts of one clock; tickets still running are `open`.
    public struct Figures: Sendable, Equatable {
        public var met = 0
        public var breached = 0
        public var open = 0

        public init(met: Int = 0, breached: Int = 0, open: Int = 0) {
            self.met = met
            self.breached = breached
            self.open = open
        }

        /// Share of decided tickets that met the target (0…1); `nil` when none is decided yet.
        public var compliance: Double? { met + breached == 0 ? nil : Double(met) / Double(met + breached) }

        mutating func count(_ level: SLALevel) {
            switch level {
            case .met: met += 1
            case .breached: breached += 1
            case .ok, .warning, .critical, .paused: open += 1
            }
        }
    }

    /// Both clocks' figures for one group of tickets.
    public struct Row: Sendable, Equatable {
        public var tickets = 0
        public var firstResponse = Figures()
        public var resolution = Figures()

        public init() {}

        mutating func count(_ status: SLAStatus) {
            tickets += 1
            firstResponse.count(status.firstResponse.level)
            resolution.count(status.resolution.level)
        }
    }

    public struct Report: Sendable, Equatable {
        public var from: Date
        public var to: Date
        public var overall = Row()
        /// Per current assignee; unassigned tickets are only in `overall`.
        public var byAgent: [UserID: Row] = [:]
        /// Per current department; tickets without one are only in `overall`.
        public var byDepartment: [DepartmentID: Row] = [:]
    }

    /// Figures for tickets created in `[from, to)`, optionally only one agent's or one department's
    /// (supervisors and admins).
    public func report(from: Date, to: Date, agentID: UserID? = nil, departmentID: DepartmentID? = nil, actor: Actor) async throws(DomainError) -> Report {
        try AccessPolicy.authorize(actor, .viewAnalytics)
        if to <= from { throw .invalid("to", "must be after from") }
        if to.timeIntervalSince(from) > 366 * 86_400 { throw .invalid("to", "the period may span at most 366 days") }
        let org = actor.organizationID
        let records = try await deps.read { try await $0.ticketSLAs(in: org, createdFrom: from, before: to) }
            .filter { (agentID == nil || $0.assigneeID == agentID) && (departmentID == nil || $0.departmentID == departmentID) }
        let setup = try await deps.slaSetup(org)
        let now = deps.clock.now()
        var report = Report(from: from, to: to)
        for record in records {
            // The clock of the policy that applied at the record's last save; a removed policy counts as the defaults.
            let policy = setup.policies.first { $0.id == record.policyID }
            let clock: SLAClock = if let policy {
                SLAClock(policy: policy, calendar: policy.businessHoursID.flatMap { id in setup.hours.first { $0.id == id } }.flatMap { try? $0.calendar() } ?? .always)
            } else {
                .default
            }
            // A clock that stopped counts with the verdict recorded when it stopped, whatever changed since.
            let status = record.settled(clock.evaluate(record.timeline, at: now))
            report.overall.count(status)
            if let agent = record.assigneeID { report.byAgent[agent, default: Row()].count(status) }
            if let department = record.departmentID { report.byDepartment[department, default: Row()].count(status) }
        }
        return report
    }
}
