import Domain
import Hummingbird

/// Admins' view of notification deliveries that failed for good, and sending one again (§8: a
/// permanently failing notification is visible to admins, never silently lost).
struct OutboxRoutes: Sendable {
    let deps: Dependencies

    /// Most failed deliveries one listing returns.
    static let limit = 500

    func register(on group: RouterGroup<APIRequestContext>) {
        group.get("admin/outbox/failed") { _, context in
            let identity = try context.requireIdentity()
            let failed = try await OutboxUseCases(deps).failed(actor: identity.actor, limit: Self.limit)
            return try JSONCoding.response(ListResponse(items: failed.map { FailedDeliveryResponse($0.0, $0.1) }, nextCursor: nil))
        }
        group.post("admin/outbox/{id}/retry") { _, context in
            let identity = try context.requireIdentity()
            let id: JobID = try RouteSupport.id("id", context)
            try await OutboxUseCases(deps).retry(id, actor: identity.actor)
            return Response(status: .noContent)
        }
    }
}
