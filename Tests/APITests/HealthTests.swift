import Foundation
import HTTPTypes
import HummingbirdTesting
import Memory
import Testing

/// Liveness, readiness and the served API reference.
@Suite struct HealthTests {
    @Test func healthzAnswersWhileServing() async throws {
        try await TestAPI.run { api in
            let response = try await api.call(.get, "/healthz")
            #expect(response.status == .ok)
            #expect(response.json["status"].string == "ok")
        }
    }

    @Test func readyzFollowsStorage() async throws {
        try await TestAPI.run { api in
            #expect(try await api.call(.get, "/readyz").json["status"].string == "ready")
            await api.fixture.storage.beginOutage(reason: "disk on fire")
            let down = try await api.call(.get, "/readyz")
            #expect(down.status == .serviceUnavailable)
            #expect(down.isProblem && down.headers[.retryAfter] == "5")
            #expect(!down.text.contains("disk on fire"), "the cause is logged, not told: \(down.text)")
            await api.fixture.storage.endOutage()
            #expect(try await api.call(.get, "/readyz").status == .ok)
        }
    }

    @Test func servesItsOpenAPIDocument() async throws {
        try await TestAPI.run { api in
            let response = try await api.call(.get, "/api/v1/openapi.json")
            #expect(response.status == .ok)
            #expect(response.json["openapi"].string == "3.1.0")
            #expect(response.json["paths"]["/api/v1/tickets"]["post"].exists)
        }
    }

    @Test func unknownRoutesAreProblemsWithARequestID() async throws {
        try await TestAPI.run { api in
            let response = try await api.client.executeRequest(uri: "/api/v1/nowhere", method: .get, headers: [:], body: nil)
            #expect(response.status == .notFound)
            #expect(response.headers[.contentType] == "application/problem+json")
            #expect(response.headers[TestAPI.requestID]?.isEmpty == false)
        }
    }

    @Test func aClientsRequestIDIsEchoed() async throws {
        try await TestAPI.run { api in
            let response = try await api.call(.get, "/healthz", headers: [TestAPI.requestID: "trace-42.a_b"])
            #expect(response.headers[TestAPI.requestID] == "trace-42.a_b")
            let odd = try await api.call(.get, "/healthz", headers: [TestAPI.requestID: "no spaces allowed"])
            #expect(odd.headers[TestAPI.requestID] != "no spaces allowed")
        }
    }
}
