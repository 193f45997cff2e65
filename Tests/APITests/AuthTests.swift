import Domain
import Foundation
import HTTPTypes
import HummingbirdTesting
import Memory
import Testing

/// Sign-up, sign-in, token rotation, sign-out and the bearer token on every protected route.
@Suite struct AuthTests {
    @Test func aCustomerRegistersThenLogsIn() async throws {
        try await TestAPI.run { api in
            let created = try await api.call(.post, "/api/v1/auth/register", json: [
                "email": "New@Example.com", "password": "secret-123", "name": "Nia", "organization": "acme",
            ])
            #expect(created.status == .created)
            #expect(created.json["role"].string == "customer")
            #expect(created.json["email"].string == "new@example.com")
            #expect(!created.text.contains("secret-123") && !created.text.contains("passwordHash"))

            let login = try await api.call(.post, "/api/v1/auth/login", json: ["email": "new@example.com", "password": "secret-123"])
            #expect(login.status == .ok)
            #expect(login.json["tokenType"].string == "Bearer")
            #expect(login.json["user"]["id"] == created.json["id"])
            #expect(login.json["expiresIn"].int == 900)
        }
    }

    @Test func registrationNamesEveryInvalidField() async throws {
        try await TestAPI.run { api in
            let response = try await api.call(.post, "/api/v1/auth/register", json: ["email": "not-an-email", "password": "short", "organization": "acme"])
            #expect(response.status == .unprocessableContent)
            #expect(Set(response.problemFields) == ["email", "password", "name"])
            #expect(response.json["type"].string == "urn:switchboard:problem:validation")
        }
    }

    @Test func registrationRefusesATakenEmailAndUnknownOrganizations() async throws {
        try await TestAPI.run { api in
            let taken = try await api.call(.post, "/api/v1/auth/register", json: [
                "email": "customer@acme.test", "password": "password1", "name": "Again", "organization": "acme",
            ])
            #expect(taken.status == .unprocessableContent && taken.problemFields == ["email"])
            let unknown = try await api.call(.post, "/api/v1/auth/register", json: [
                "email": "x@example.com", "password": "password1", "name": "X", "organization": "initech",
            ])
            #expect(unknown.status == .unprocessableContent && unknown.problemFields == ["organization"])
            // Two organizations exist: the slug cannot be guessed for the caller.
            let ambiguous = try await api.call(.post, "/api/v1/auth/register", json: ["email": "x@example.com", "password": "password1", "name": "X"])
            #expect(ambiguous.status == .unprocessableContent && ambiguous.problemFields == ["organization"])
            #expect(!ambiguous.text.contains("globex"), "tenants are not listed: \(ambiguous.text)")
        }
    }

    @Test func loginRefusesBadCredentialsAlike() async throws {
        try await TestAPI.run { api in
            let wrong = try await api.call(.post, "/api/v1/auth/login", json: ["email": "agent1@acme.test", "password": "nope-nope"])
            let unknown = try await api.call(.post, "/api/v1/auth/login", json: ["email": "ghost@acme.test", "password": "nope-nope"])
            #expect(wrong.status == .unauthorized && unknown.status == .unauthorized)
            #expect(wrong.json["detail"] == unknown.json["detail"], "accounts cannot be probed")
            #expect(wrong.headers[.wwwAuthenticate] == "Bearer")
            let missing = try await api.call(.post, "/api/v1/auth/login", json: ["email": "agent1@acme.test"])
            #expect(missing.status == .badRequest && missing.problemFields == ["password"])
        }
    }

    @Test func loginNamesTheOrganizationWhenAnEmailIsInSeveral() async throws {
        try await TestAPI.run { api in
            _ = try await UserUseCases(api.fixture.deps).provision(
                .init(email: "agent1@acme.test", name: "Twin", password: "password2", role: .customer), in: api.fixture.globex.id
            )
            let ambiguous = try await api.call(.post, "/api/v1/auth/login", json: ["email": "agent1@acme.test", "password": "password2"])
            #expect(ambiguous.status == .unprocessableContent && ambiguous.problemFields == ["organization"])
            let named = try await api.call(.post, "/api/v1/auth/login", json: ["email": "agent1@acme.test", "password": "password2", "organization": "globex"])
            #expect(named.status == .ok)
            #expect(named.json["user"]["organizationId"].string == api.fixture.globex.id.description)
        }
    }

    @Test func refreshRotatesAndReuseRevokesTheFamily() async throws {
        try await TestAPI.run { api in
            let login = try await api.call(.post, "/api/v1/auth/login", json: ["email": "agent1@acme.test", "password": Fixture.password])
            let first = try #require(login.json["refreshToken"].string)
            let rotated = try await api.call(.post, "/api/v1/auth/refresh", json: ["refreshToken": first])
            #expect(rotated.status == .ok)
            let second = try #require(rotated.json["refreshToken"].string)
            #expect(second != first)
            let accessToken = try #require(rotated.json["accessToken"].string)
            let me = try await api.call(.get, "/api/v1/auth/me", headers: [.authorization: "Bearer \(accessToken)"])
            #expect(me.status == .ok && me.json["user"]["email"].string == "agent1@acme.test")

            let replay = try await api.call(.post, "/api/v1/auth/refresh", json: ["refreshToken": first])
            #expect(replay.status == .unauthorized)
            let afterReuse = try await api.call(.post, "/api/v1/auth/refresh", json: ["refreshToken": second])
            #expect(afterReuse.status == .unauthorized, "reuse of an old token revokes the whole family")
        }
    }

    @Test func logoutRevokes() async throws {
        try await TestAPI.run { api in
            let login = try await api.call(.post, "/api/v1/auth/login", json: ["email": "customer@acme.test", "password": Fixture.password])
            let refresh = try #require(login.json["refreshToken"].string)
            #expect(try await api.call(.post, "/api/v1/auth/logout", json: ["refreshToken": refresh]).status == .noContent)
            #expect(try await api.call(.post, "/api/v1/auth/refresh", json: ["refreshToken": refresh]).status == .unauthorized)
            #expect(try await api.call(.post, "/api/v1/auth/logout", json: ["refreshToken": refresh]).status == .noContent, "idempotent")
        }
    }

    @Test func meDescribesTheSignedInUser() async throws {
        try await TestAPI.run { api in
            let me = try await api.call(.get, "/api/v1/auth/me", as: "lead@acme.test")
            #expect(me.status == .ok)
            #expect(me.json["user"]["role"].string == "supervisor")
            #expect(me.json["organization"]["slug"].string == "acme")
        }
    }

    @Test(arguments: [
        ("GET", "/api/v1/auth/me"), ("GET", "/api/v1/tickets"), ("POST", "/api/v1/tickets"), ("GET", "/api/v1/queue"),
        ("GET", "/api/v1/agents"), ("POST", "/api/v1/agents"), ("PUT", "/api/v1/agents/me/status"), ("GET", "/api/v1/departments"),
        ("POST", "/api/v1/departments"), ("GET", "/api/v1/tickets/0190a000-0000-7000-8000-000000000000"),
        ("POST", "/api/v1/tickets/0190a000-0000-7000-8000-000000000000/take"),
    ])
    func everyProtectedRouteNeedsAToken(method: String, path: String) async throws {
        try await TestAPI.run { api in
            let method = HTTPRequest.Method(method)!
            let none = try await api.call(method, path, json: [:])
            #expect(none.status == .unauthorized && none.isProblem, "\(method) \(path) without a token")
            let forged = try await api.call(method, path, json: [:], headers: [.authorization: "Bearer eyJhbGciOiJIUzI1NiJ9.e30.x"])
            #expect(forged.status == .unauthorized, "\(method) \(path) with a forged token")
            let basic = try await api.call(method, path, json: [:], headers: [.authorization: "Basic YTpi"])
            #expect(basic.status == .unauthorized, "\(method) \(path) with another scheme")
        }
    }

    @Test func accessTokensExpire() async throws {
        try await TestAPI.run { api in
            let bearer: HTTPFields = [.authorization: "Bearer \(try await api.token("agent1@acme.test"))"]
            api.fixture.clock.advance(by: 15 * 60 - 1)
            #expect(try await api.call(.get, "/api/v1/auth/me", headers: bearer).status == .ok)
            api.fixture.clock.advance(by: 1)
            let expired = try await api.call(.get, "/api/v1/auth/me", headers: bearer)
            #expect(expired.status == .unauthorized)
            #expect(expired.json["detail"].string?.contains("expired") == true)
        }
    }

    @Test func aDeactivatedUserLosesAccessAtOnce() async throws {
        try await TestAPI.run { api in
            _ = try await api.token("agent2@acme.test")
            var user = api.fixture.user("agent2@acme.test")
            let version = user.version
            user.isActive = false
            user.version += 1
            _ = try await api.fixture.storage.commit(UnitOfWork([.updateUser(user, expectedVersion: version)]))
            #expect(try await api.call(.get, "/api/v1/tickets", as: "agent2@acme.test").status == .unauthorized)
        }
    }
}
