@testable import API
import Bootstrap
import Domain
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Memory
import Testing

/// The one mapping of domain refusals to HTTP, and the opaque 500 for everything unexpected.
@Suite struct ErrorMappingTests {
    @Test(arguments: [
        (DomainError.validation([FieldViolation(field: "subject", message: "is required")]), 422, "validation"),
        (.notFound(entity: "ticket"), 404, "not-found"),
        (.forbidden(reason: "no"), 403, "forbidden"),
        (.unauthenticated(reason: "who?"), 401, "unauthenticated"),
        (.staleVersion(current: 4), 412, "stale-version"),
        (.conflict(reason: "taken"), 409, "conflict"),
        (.illegalTransition(from: .closed, to: .inProgress), 409, "illegal-transition"),
        (.idempotencyKeyReused, 422, "idempotency-key-reused"),
        (.unavailable(reason: "db down"), 503, "unavailable"),
    ])
    func everyDomainErrorHasOneStatus(error: DomainError, status: Int, slug: String) {
        let problem = error.problem
        #expect(Int(problem.status.code) == status)
        #expect(problem.type == "urn:switchboard:problem:\(slug)")
        #expect(!problem.title.isEmpty && !problem.detail.isEmpty)
        if case .validation = error { #expect(problem.errors.map(\.field) == ["subject"]) }
        if case .illegalTransition = error { #expect(problem.extensions.from == "closed" && problem.extensions.to == "in_progress") }
        if case .unavailable = error { #expect(!problem.detail.contains("db down") && problem.logNote == "db down") }
    }

    private struct Surprise: Error {}

    @Test func anUnexpectedErrorIsAnOpaque500LoggedWithTheRequestID() async throws {
        let log = CapturedLog()
        let fixture = try await Fixture.make(logger: log.logger())
        let router = try await buildRouter(runtime: fixture.runtime, signingSecret: Fixture.signingSecret)
        router.get("boom") { _, _ -> Response in throw Surprise() }
        let app = Application(router: router, logger: fixture.runtime.logger)
        try await app.test(.router) { client in
            let response = try await client.executeRequest(uri: "/boom", method: .get, headers: [:], body: nil)
            #expect(response.status == .internalServerError)
            #expect(response.headers[.contentType] == "application/problem+json")
            let body = String(buffer: response.body)
            #expect(!body.contains("Surprise"), "nothing internal is told: \(body)")
            let requestID = try #require(response.headers[TestAPI.requestID])
            #expect(body.contains(requestID))
            let logged = log.all.filter { $0.level == .error }
            #expect(logged.count == 1)
            #expect(logged.first?.metadata["request.id"] == requestID)
            #expect(logged.first?.metadata["error"]?.contains("Surprise") == true)
        }
    }
}
