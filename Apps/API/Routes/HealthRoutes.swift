import Domain
import Hummingbird

/// Liveness and readiness for orchestrators: `/healthz` answers while the process serves HTTP;
/// `/readyz` also asks storage whether it answers.
struct HealthRoutes: Sendable {
    let storage: any Storage

    func register(on router: Router<APIRequestContext>) {
        router.get("healthz") { _, _ in
            try JSONCoding.response(HealthResponse(status: "ok"))
        }
        router.get("readyz") { _, _ in
            do {
                try await storage.checkHealth()
            } catch {
                throw DomainError.unavailable(reason: "readiness check: \(error)")
            }
            return try JSONCoding.response(HealthResponse(status: "ready"))
        }
    }
}

struct HealthResponse: Encodable, Sendable {
    let status: String
}
