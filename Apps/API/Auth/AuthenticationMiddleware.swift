import Domain
import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// Guards the routes that need a signed-in user: verifies the bearer token, then rebuilds the actor
/// from storage on every request (role and departments as they are now; a deactivated user is refused).
struct AuthenticationMiddleware: RouterMiddleware {
    typealias Context = APIRequestContext

    let tokens: AccessTokens
    let deps: Dependencies

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let token = try Self.bearerToken(request)
        let (userID, organizationID) = try await tokens.verify(token)
        let actor = try await UserUseCases(deps).actor(for: userID, in: organizationID)
        let organization = try await OrganizationUseCases(deps).organization(id: organizationID)
        var context = context
        context.identity = Identity(actor: actor, organization: organization)
        context.logger[metadataKey: "user.id"] = .string(userID.description)
        return try await next(request, context)
    }

    static func bearerToken(_ request: Request) throws(DomainError) -> String {
        guard let header = request.headers[.authorization] else {
            throw .unauthenticated(reason: "send Authorization: Bearer <accessToken>")
        }
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            throw .unauthenticated(reason: "the Authorization header must be Bearer <accessToken>")
        }
        return parts[1].trimmingCharacters(in: .whitespaces)
    }
}
