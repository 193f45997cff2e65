import Domain
import Foundation
import Hummingbird

/// SLA configuration (SPEC §16 `/sla-policies`, `/business-hours`) and compliance (`/analytics/sla`).
struct SLARoutes: Sendable {
    let deps: Dependencies
    let body: JSONBody

    func register(on group: RouterGroup<APIRequestContext>) {
        group.get("sla-policies") { _, context in
            let identity = try context.requireIdentity()
            let policies = try await SLAConfigurationUseCases(deps).policies(actor: identity.actor)
            return try JSONCoding.response(ListResponse(items: policies.map(SLAPolicyResponse.init), nextCursor: nil))
        }
        group.put("sla-policies") { request, context in
            let identity = try context.requireIdentity()
            let inputs = try await body.decode(ReplaceSLAPoliciesRequest.self, from: request).inputs()
            let policies = try await SLAConfigurationUseCases(deps).replacePolicies(inputs, actor: identity.actor)
            return try JSONCoding.response(ListResponse(items: policies.map(SLAPolicyResponse.init), nextCursor: nil))
        }
        group.get("business-hours") { _, context in
            let identity = try context.requireIdentity()
            let hours = try await SLAConfigurationUseCases(deps).businessHours(actor: identity.actor)
            return try JSONCoding.response(ListResponse(items: hours.map(BusinessHoursResponse.init), nextCursor: nil))
        }
        group.put("business-hours") { request, context in
            let identity = try context.requireIdentity()
            let inputs = try await body.decode(ReplaceBusinessHoursRequest.self, from: request).inputs()
            let hours = try await SLAConfigurationUseCases(deps).replaceBusinessHours(inputs, actor: identity.actor)
            return try JSONCoding.response(ListResponse(items: hours.map(BusinessHoursResponse.init), nextCursor: nil))
        }
        group.get("analytics/sla") { request, context in
            let identity = try context.requireIdentity()
            let query = request.uri.queryParameters
            var reader = FieldReader()
            func time(_ name: String) -> Date? {
                guard let text = query[name[...]].map(String.init) else { reader.fail(name, "is required"); return nil }
                guard let date = WireTime.parse(text) else { reader.fail(name, "must be an ISO 8601 time"); return nil }
                return date
            }
            let from = time("from"), to = time("to")
            let agent: UserID? = reader.id(query["agentId"].map(String.init), "agentId")
            let department: DepartmentID? = reader.id(query["departmentId"].map(String.init), "departmentId")
            do {
                try reader.check()
            } catch {
                if case .validation(let violations)? = error as? DomainError { throw APIError.badParameters(violations) }
                throw error
            }
            let report = try await SLAComplianceUseCases(deps).report(
                from: from!, to: to!, agentID: agent, departmentID: department, actor: identity.actor
            )
            return try JSONCoding.response(SLAComplianceResponse(report))
        }
    }
}
