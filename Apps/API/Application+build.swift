import Bootstrap
import Domain
import Foundation
import Hummingbird
import Logging
import OpenAPIDocument

/// The HTTP application on a composed runtime: used by `switchboard-api` and by the API tests alike,
/// so that the tests exercise exactly what runs.
/// - Parameters:
///   - signingSecret: the key of access tokens (see `SigningSecret.resolve`).
///   - onServerRunning: called with the bound address once the server listens.
func buildApplication(
    runtime: Runtime, signingSecret: Secret, options: APIOptions = APIOptions(),
    onServerRunning: @escaping @Sendable (_ host: String, _ port: Int) async -> Void = { _, _ in }
) async throws -> some ApplicationProtocol {
    let router = try await buildRouter(runtime: runtime, signingSecret: signingSecret, options: options)
    return Application(
        router: router,
        configuration: ApplicationConfiguration(address: .hostname(runtime.settings.host, port: runtime.settings.port), serverName: "Switchboard"),
        onServerRunning: { channel in
            await onServerRunning(channel.localAddress?.ipAddress ?? runtime.settings.host, channel.localAddress?.port ?? runtime.settings.port)
        },
        logger: runtime.logger
    )
}

/// Every route of the API with its middleware, in one place (the OpenAPI test reads `routes` from it).
func buildRouter(runtime: Runtime, signingSecret: Secret, options: APIOptions = APIOptions()) async throws -> Router<APIRequestContext> {
    let deps = runtime.dependencies
    let tokens = await AccessTokens(secret: signingSecret.value, clock: deps.clock, lifetime: options.accessTokenLifetime)
    let body = JSONBody(maximumBytes: options.maximumBodyBytes)
    let document = try OpenAPIDocument.data()

    let router = Router(context: APIRequestContext.self)
    router.add(middleware: ProblemMiddleware())
    let limits = runtime.settings.attachments.limits
    // An upload carries one file plus its multipart framing.
    let uploadLimit = Int(limits.largestBytes) + 64 * 1024
    router.add(middleware: BodyLimitMiddleware(maximumBytes: options.maximumBodyBytes, uploadMaximumBytes: uploadLimit))
    HealthRoutes(storage: deps.storage).register(on: router)

    let v1 = router.group("api/v1")
    OpenAPIRoutes(document: document).register(on: v1)
    let auth = AuthRoutes(deps: deps, tokens: tokens, limiter: RateLimiter(clock: deps.clock), options: options, body: body)
    auth.registerPublic(on: v1)

    let signedIn = v1.group().add(middleware: AuthenticationMiddleware(tokens: tokens, deps: deps))
    auth.registerAuthenticated(on: signedIn)
    TicketRoutes(deps: deps, body: body).register(on: signedIn)
    TicketActionRoutes(deps: deps, body: body).register(on: signedIn)
    let attachments = AttachmentUseCases(deps, files: runtime.files, limits: limits)
    ConversationRoutes(deps: deps, body: body, attachments: attachments).register(on: signedIn)
    AttachmentRoutes(attachments: attachments).register(on: signedIn)
    PeopleRoutes(deps: deps, body: body).register(on: signedIn)
    return router
}
