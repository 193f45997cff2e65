@testable import API
import Foundation
import HTTPTypes
import HummingbirdTesting
import Memory
import Testing

/// Login and registration floods are cut off with 429 and Retry-After, per account and per address.
@Suite struct RateLimitTests {
    static var strict: APIOptions {
        var options = APIOptions()
        options.loginLimits = RateLimitPair(perAddress: RateLimit(limit: 8, window: 60), perAccount: RateLimit(limit: 3, window: 60))
        options.registrationLimits = RateLimitPair(perAddress: RateLimit(limit: 4, window: 600), perAccount: RateLimit(limit: 2, window: 600))
        return options
    }

    @Test func aLoginFloodOnOneAccountIsRefusedUntilTheWindowPasses() async throws {
        try await TestAPI.run(options: Self.strict) { api in
            for attempt in 1...3 {
                let response = try await api.call(.post, "/api/v1/auth/login", json: ["email": "agent1@acme.test", "password": "wrong-\(attempt)"])
                #expect(response.status == .unauthorized, "attempt \(attempt)")
            }
            let flooded = try await api.call(.post, "/api/v1/auth/login", json: ["email": "agent1@acme.test", "password": Fixture.password])
            #expect(flooded.status == .tooManyRequests)
            #expect(flooded.headers[.retryAfter] == "60")
            #expect(flooded.json["retryAfter"].int == 60)
            // Another account from the same address is still served.
            #expect(try await api.call(.post, "/api/v1/auth/login", json: ["email": "agent2@acme.test", "password": Fixture.password]).status == .ok)

            api.fixture.clock.advance(by: 30)
            let later = try await api.call(.post, "/api/v1/auth/login", json: ["email": "AGENT1@acme.test", "password": Fixture.password])
            #expect(later.status == .tooManyRequests, "the account key ignores case")
            #expect(later.headers[.retryAfter] == "30")
            api.fixture.clock.advance(by: 30)
            #expect(try await api.call(.post, "/api/v1/auth/login", json: ["email": "agent1@acme.test", "password": Fixture.password]).status == .ok)
        }
    }

    @Test func manyAccountsFromOneAddressHitTheAddressLimit() async throws {
        try await TestAPI.run(options: Self.strict) { api in
            var statuses: [HTTPResponse.Status] = []
            for index in 1...10 {
                statuses.append(try await api.call(.post, "/api/v1/auth/login", json: ["email": "user\(index)@acme.test", "password": "x"]).status)
            }
            #expect(statuses.prefix(8).allSatisfy { $0 == .unauthorized })
            #expect(statuses.suffix(2).allSatisfy { $0 == .tooManyRequests })
        }
    }

    static func registration(_ email: String) -> [String: any Sendable] {
        ["email": email, "password": "password1", "name": "N", "organization": "acme"]
    }

    @Test func registrationIsLimitedPerAddressAndPerEmail() async throws {
        try await TestAPI.run(options: Self.strict) { api async throws in
            #expect(try await api.call(.post, "/api/v1/auth/register", json: Self.registration("a@example.com")).status == .created)
            #expect(try await api.call(.post, "/api/v1/auth/register", json: Self.registration("a@example.com")).status == .unprocessableContent)
            #expect(try await api.call(.post, "/api/v1/auth/register", json: Self.registration("a@example.com")).status == .tooManyRequests)
            #expect(try await api.call(.post, "/api/v1/auth/register", json: Self.registration("b@example.com")).status == .created)
            #expect(try await api.call(.post, "/api/v1/auth/register", json: Self.registration("c@example.com")).status == .created, "refused attempts do not count")
            #expect(try await api.call(.post, "/api/v1/auth/register", json: Self.registration("d@example.com")).status == .tooManyRequests, "four per address")
        }
    }

    @Test func theLimiterForgetsQuietKeys() async throws {
        let clock = ManualClock()
        let limiter = RateLimiter(clock: clock, compactionThreshold: 2)
        let limit = RateLimit(limit: 1, window: 10)
        #expect(await limiter.admit([(key: "a", limit: limit)]) == nil)
        #expect(await limiter.admit([(key: "a", limit: limit)]) == 10)
        clock.advance(by: 11)
        #expect(await limiter.admit([(key: "b", limit: limit)]) == nil)
        #expect(await limiter.admit([(key: "c", limit: limit)]) == nil)
        #expect(await limiter.admit([(key: "a", limit: limit)]) == nil, "a's window has passed")
    }
}
