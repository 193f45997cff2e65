import Domain
import Foundation
import Testing

/// Policies: the §6 defaults, validation, and which policy applies to a ticket.
struct SLAPolicyTests {
    static let org = OrganizationID(UUID())
    static let support = DepartmentID(UUID())
    static let billing = DepartmentID(UUID())

    static func policy(_ name: String, categories: Set<String> = [], departments: Set<DepartmentID> = []) -> SLAPolicy {
        SLAPolicy(
            id: SLAPolicyID(UUID()), organizationID: org, name: name,
            conditions: SLAConditions(categories: categories, departmentIDs: departments)
        )
    }

    @Test func defaultsAreThoseOfTheSpecification() {
        let d = SLATargets.defaults
        #expect(d[.urgent] == SLATarget(firstResponseSeconds: 15 * 60, resolutionSeconds: 2 * 3_600))
        #expect(d[.high] == SLATarget(firstResponseSeconds: 30 * 60, resolutionSeconds: 4 * 3_600))
        #expect(d[.medium] == SLATarget(firstResponseSeconds: 60 * 60, resolutionSeconds: 8 * 3_600))
        #expect(d[.low] == SLATarget(firstResponseSeconds: 120 * 60, resolutionSeconds: 24 * 3_600))
        #expect(SLAClock.default.targets == d && SLAClock.default.calendar == .always && SLAClock.default.policyID == nil)
    }

    @Test func targetsAreSetPerPriority() {
        var targets = SLATargets.defaults
        targets[.low] = SLATarget(firstResponseMinutes: 240, resolutionHours: 48)
        #expect(targets.low.resolutionSeconds == 48 * 3_600)
        #expect(targets[.medium] == SLATargets.defaults.medium)
    }

    @Test func mostSpecificMatchWins() {
        let fallback = Self.policy("Everything")
        let billingCategory = Self.policy("Billing questions", categories: ["billing"])
        let supportTeam = Self.policy("Support team", departments: [Self.support])
        let supportBilling = Self.policy("Support billing", categories: ["billing"], departments: [Self.support])
        let policies = [fallback, billingCategory, supportTeam, supportBilling]

        func chosen(_ category: String, _ department: DepartmentID?) -> String? {
            SLAPolicy.select(from: policies, category: category, departmentID: department)?.name
        }
        #expect(chosen("billing", Self.support) == "Support billing", "department and category beat everything")
        #expect(chosen("technical", Self.support) == "Support team", "a department beats no condition")
        #expect(chosen("billing", Self.billing) == "Billing questions", "a category beats no condition")
        #expect(chosen("billing", nil) == "Billing questions", "a department condition never matches a ticket without one")
        #expect(chosen("technical", nil) == "Everything")
        #expect(SLAPolicy.select(from: [billingCategory], category: "technical", departmentID: nil) == nil,
                "no match: the caller uses SLAClock.default")
    }

    @Test func departmentOutranksCategory() {
        let byCategory = Self.policy("Billing questions", categories: ["billing"])
        let byDepartment = Self.policy("Support team", departments: [Self.support])
        for order in [[byCategory, byDepartment], [byDepartment, byCategory]] {
            #expect(SLAPolicy.select(from: order, category: "billing", departmentID: Self.support)?.name == "Support team",
                    "whatever the order")
        }
    }

    @Test func narrowerBeatsBroaderThenListOrderDecides() {
        let broad = Self.policy("Money", categories: ["billing", "payment"])
        let narrow = Self.policy("Billing", categories: ["billing"])
        #expect(SLAPolicy.select(from: [broad, narrow], category: "billing", departmentID: nil)?.name == "Billing")
        #expect(SLAPolicy.select(from: [broad, narrow], category: "payment", departmentID: nil)?.name == "Money")
        let first = Self.policy("First", categories: ["billing", "account"])
        let second = Self.policy("Second", categories: ["billing", "payment"])
        #expect(SLAPolicy.select(from: [first, second], category: "billing", departmentID: nil)?.name == "First")
        #expect(SLAPolicy.select(from: [second, first], category: "billing", departmentID: nil)?.name == "Second")
    }

    @Test func selectionForATicketStaysInItsOrganization() {
        let ticket = Ticket(
            id: TicketID(UUID()), organizationID: Self.org, customerID: UserID(UUID()),
            contact: Contact(name: "C", email: EmailAddress("c@example.test")!), subject: "s", description: "d",
            category: "billing", departmentID: Self.support, createdAt: Instant.utc("2026-03-02 09:00")
        )
        let foreign = SLAPolicy(id: SLAPolicyID(UUID()), organizationID: OrganizationID(UUID()), name: "Foreign", conditions: .init(categories: ["billing"]))
        let own = Self.policy("Own")
        #expect(SLAPolicy.select(from: [foreign, own], for: ticket)?.name == "Own")
    }

    @Test func validationNormalizesAndNamesFields() throws {
        var policy = Self.policy("  Gold  ", categories: [" Billing "])
        let valid = try policy.validated()
        #expect(valid.name == "Gold" && valid.conditions.categories == ["billing"])

        policy.name = " "
        policy.targets[.urgent] = SLATarget(firstResponseSeconds: 0, resolutionSeconds: 7_200)
        policy.targets[.low] = SLATarget(firstResponseSeconds: 60, resolutionSeconds: SLAPolicy.maximumTargetSeconds + 1)
        policy.conditions.categories = ["", "billing"]
        #expect(throws: DomainError.validation([
            FieldViolation(field: "name", message: "must not be empty"),
            FieldViolation(field: "targets.low.resolutionSeconds", message: "must be 1…\(SLAPolicy.maximumTargetSeconds) seconds"),
            FieldViolation(field: "targets.urgent.firstResponseSeconds", message: "must be 1…\(SLAPolicy.maximumTargetSeconds) seconds"),
            FieldViolation(field: "conditions.categories", message: "must not contain an empty category"),
        ])) { try policy.validated() }
    }

    @Test func aListMayNotRepeatConditions() throws {
        let list = [Self.policy("A", categories: ["billing"]), Self.policy("B"), Self.policy("C", categories: ["BILLING "])]
        #expect(throws: DomainError.validation([FieldViolation(field: "policies[2].conditions", message: "are the same as those of policies[0]")])) {
            try SLAPolicy.validated(list)
        }
        #expect(try SLAPolicy.validated(Array(list.prefix(2))).count == 2)
    }
}
