@testable import API
import Bootstrap
import Domain
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Memory
import NIOCore
import OpenAPIDocument
import Synchronization
import Testing

/// One API on a fresh fixture, driven through real HTTP requests (Hummingbird's router test client).
/// Every response is checked against the OpenAPI document and for its `X-Request-Id`, whatever the test.
final class TestAPI: Sendable {
    let fixture: Fixture
    let client: any TestClientProtocol
    let validator: OpenAPIValidator
    /// Access tokens by email, with when they were issued (they are renewed before they expire).
    private let tokens = Mutex<[String: (token: String, issuedAt: Date)]>([:])

    init(fixture: Fixture, client: any TestClientProtocol, validator: OpenAPIValidator) {
        self.fixture = fixture
        self.client = client
        self.validator = validator
    }

    static let requestID = HTTPField.Name("X-Request-Id")!
    static let idempotencyKey = HTTPField.Name("Idempotency-Key")!

    /// Options for tests that are not about rate limits: limits high enough never to interfere.
    static var relaxed: APIOptions {
        var options = APIOptions()
        options.loginLimits = RateLimitPair(perAddress: RateLimit(limit: 10_000, window: 60), perAccount: RateLimit(limit: 10_000, window: 60))
        options.registrationLimits = options.loginLimits
        return options
    }

    /// Runs `body` against a fresh fixture and application.
    static func run<T: Sendable>(options: APIOptions = relaxed, _ body: @Sendable (TestAPI) async throws -> T) async throws -> T {
        let fixture = try await Fixture.make()
        let app = try await buildApplication(runtime: fixture.runtime, signingSecret: Fixture.signingSecret, options: options)
        let validator = try OpenAPIValidator(data: OpenAPIDocument.data())
        return try await app.test(.router) { client in
            try await body(TestAPI(fixture: fixture, client: client, validator: validator))
        }
    }

    /// Sends a request. `json` is serialised as the body; `raw` is sent as is (for malformed input).
    @discardableResult
    func call(
        _ method: HTTPRequest.Method, _ path: String, as email: String? = nil, json: [String: any Sendable]? = nil, raw: String? = nil,
        headers: HTTPFields = [:], sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> APIResponse {
        var headers = headers
        if let email { headers[.authorization] = "Bearer \(try await token(email))" }
        var body: ByteBuffer?
        if let json {
            body = ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: json))
            headers[.contentType] = "application/json"
        } else if let raw {
            body = ByteBuffer(string: raw)
            headers[.contentType] = "application/json"
        }
        let response = try await client.executeRequest(uri: path, method: method, headers: headers, body: body)
        let result = APIResponse(status: response.status, headers: response.headers, data: Data(response.body.readableBytesView))
        check(result, method: method, path: path, sourceLocation: sourceLocation)
        return result
    }

    /// Every response: documented status and shape, and a request id.
    func check(_ response: APIResponse, method: HTTPRequest.Method, path: String, sourceLocation: SourceLocation) {
        #expect(response.headers[Self.requestID]?.isEmpty == false, "\(method) \(path): no X-Request-Id", sourceLocation: sourceLocation)
        let problems = validator.problems(
            method: method.rawValue, path: path, status: Int(response.status.code), contentType: response.headers[.contentType], body: response.data
        )
        #expect(problems.isEmpty, "response does not match the OpenAPI document:\n\(problems.joined(separator: "\n"))\nbody: \(response.text.prefix(800))", sourceLocation: sourceLocation)
        #expect(response.status.code < 500 || response.status.code == 503, "\(method) \(path) answered \(response.status.code): \(response.text.prefix(800))", sourceLocation: sourceLocation)
    }

    /// An access token for a fixture user, through the real login endpoint (cached per user, and renewed
    /// when a test has moved the clock close to its expiry).
    func token(_ email: String) async throws -> String {
        let now = fixture.clock.now()
        if let cached = tokens.withLock({ $0[email] }), now.timeIntervalSince(cached.issuedAt) < 600 { return cached.token }
        let response = try await call(.post, "/api/v1/auth/login", json: ["email": email, "password": Fixture.password])
        guard response.status == .ok, let token = response.json["accessToken"].string else {
            throw TestFailure("login of \(email) failed: \(response.status) \(response.text)")
        }
        tokens.withLock { $0[email] = (token, now) }
        return token
    }

    /// Opens a ticket as `email` and returns its id.
    func openTicket(as email: String = "customer@acme.test", _ fields: [String: any Sendable] = [:]) async throws -> String {
        var json: [String: any Sendable] = ["subject": "Printer on fire", "description": "It smokes.", "departmentId": fixture.support.id.description]
        json.merge(fields) { _, new in new }
        let response = try await call(.post, "/api/v1/tickets", as: email, json: json)
        guard response.status == .created, let id = response.json["id"].string else {
            throw TestFailure("opening a ticket failed: \(response.status) \(response.text)")
        }
        return id
    }
}

/// A response as a client sees it.
struct APIResponse: Sendable {
    let status: HTTPResponse.Status
    let headers: HTTPFields
    let data: Data

    var code: Int { Int(status.code) }
    var json: JSON { (try? JSON(data: data)) ?? .missing }
    var text: String { String(decoding: data, as: UTF8.self) }
    var isProblem: Bool { headers[.contentType] == "application/problem+json" }
    /// The fields a problem names.
    var problemFields: [String] { json["errors"].array.compactMap { $0["field"].string } }
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
