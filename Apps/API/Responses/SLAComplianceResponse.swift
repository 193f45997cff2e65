import Domain

/// `GET /analytics/sla`: compliance of tickets created in a period, overall, per agent and per department.
struct SLAComplianceResponse: Encodable, Sendable {
    struct Figures: Encodable, Sendable {
        let met: Int
        let breached: Int
        let open: Int
        /// Met over decided (met + breached), 0…1; null when nothing is decided yet.
        @Nullable var compliance: Double?

        init(_ figures: SLAComplianceUseCases.Figures) {
            met = figures.met
            breached = figures.breached
            open = figures.open
            compliance = figures.compliance
        }
    }

    struct Row: Encodable, Sendable {
        @Nullable var agentId: String?
        @Nullable var departmentId: String?
        let tickets: Int
        let firstResponse: Figures
        let resolution: Figures

        init(_ row: SLAComplianceUseCases.Row, agentId: String? = nil, departmentId: String? = nil) {
            self.agentId = agentId
            self.departmentId = departmentId
            tickets = row.tickets
            firstResponse = Figures(row.firstResponse)
            resolution = Figures(row.resolution)
        }
    }

    let from: String
    let to: String
    let overall: Row
    let byAgent: [Row]
    let byDepartment: [Row]

    init(_ report: SLAComplianceUseCases.Report) {
        from = WireTime.string(report.from)
        to = WireTime.string(report.to)
        overall = Row(report.overall)
        byAgent = report.byAgent.sorted { $0.key < $1.key }.map { Row($0.value, agentId: $0.key.description) }
        byDepartment = report.byDepartment.sorted { $0.key < $1.key }.map { Row($0.value, departmentId: $0.key.description) }
    }
}
