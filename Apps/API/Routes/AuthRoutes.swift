import Domain
import Foundation
import Hummingbird

/// Sign-up, sign-in, token rotation and sign-out (SPEC §16 `/auth/*`). Login and registration are
/// rate limited per client address and per account.
struct AuthRoutes: Sendable {
    let deps: Dependencies
    let tokens: AccessTokens
    let limiter: RateLimiter
    let options: APIOptions
    let body: JSONBody

    /// The routes that work without an access token.
    func registerPublic(on group: RouterGroup<APIRequestContext>) {
        group.post("auth/register") { request, context in try await register(request, context) }
        group.post("auth/login") { request, context in try await login(request, context) }
        group.post("auth/refresh") { request, _ in
            let input = try await body.decode(RefreshTokenRequest.self, from: request)
            return try await sessionResponse(SessionUseCases(deps).refresh(input.refreshToken))
        }
        group.post("auth/logout") { request, _ in
            let input = try await body.decode(RefreshTokenRequest.self, from: request)
            try await SessionUseCases(deps).logout(input.refreshToken)
            return JSONCoding.noContent()
        }
    }

    /// The routes that need a signed-in user.
    func registerAuthenticated(on group: RouterGroup<APIRequestContext>) {
        group.get("auth/me") { _, context in
            let identity = try context.requireIdentity()
            let user = try await UserUseCases(deps).user(identity.actor.userID, actor: identity.actor)
            return try JSONCoding.response(MeResponse(user: UserResponse(user), organization: OrganizationResponse(identity.organization)))
        }
    }

    private func register(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        let input = try await body.decode(RegisterRequest.self, from: request)
        try await admit("register", options.registrationLimits, account: input.email, context)
        let organization = try await OrganizationUseCases(deps).named(input.organization)
        let user = try await UserUseCases(deps).register(
            .init(email: input.email, name: input.name, password: input.password, role: .customer, phone: input.phone), in: organization.id
        )
        return try JSONCoding.response(UserResponse(user), status: .created)
    }

    private func login(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        let input = try await body.decode(LoginRequest.self, from: request)
        try await admit("login", options.loginLimits, account: input.email, context)
        let session = try await SessionUseCases(deps).login(email: input.email, password: input.password, organization: input.organization)
        return try await sessionResponse(session)
    }

    private func sessionResponse(_ session: SessionUseCases.Session) async throws -> Response {
        let accessToken = try await tokens.issue(for: session.user)
        return try JSONCoding.response(SessionResponse(
            accessToken: accessToken, expiresIn: Int(tokens.lifetime), refreshToken: session.refreshSecret,
            refreshExpiresAt: WireTime.string(session.refreshExpiresAt), user: UserResponse(session.user)
        ))
    }

    /// 429 with `Retry-After` when this address or this account has tried too often.
    private func admit(_ action: String, _ limits: RateLimitPair, account: String?, _ context: APIRequestContext) async throws(APIError) {
        var keys = [(key: "\(action):address:\(context.remoteAddress ?? "unknown")", limit: limits.perAddress)]
        if let account {
            keys.append((key: "\(action):account:\(account.trimmingCharacters(in: .whitespacesAndNewlines).lowercased())", limit: limits.perAccount))
        }
        if let retryAfter = await limiter.admit(keys) { throw .rateLimited(retryAfter: retryAfter) }
    }
}
