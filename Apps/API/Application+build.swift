import Bootstrap
import Domain
import Foundation
import Hummingbird
import HummingbirdWebSocket
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
    let routers = try await buildRouters(runtime: runtime, signingSecret: signingSecret, options: options)
    return Application(
        router: routers.http,
        server: .http1WebSocketUpgrade(webSocketRouter: routers.webSocket, configuration: .init(ws: routers.webSocketConfiguration)),
        configuration: ApplicationConfiguration(address: .hostname(runtime.settings.host, port: runtime.settings.port), serverName: "Switchboard"),
        onServerRunning: { channel in
            await onServerRunning(channel.localAddress?.ipAddress ?? runtime.settings.host, channel.localAddress?.port ?? runtime.settings.port)
        },
        logger: runtime.logger
    )
}

/// Every HTTP route of the API with its middleware, in one place (the OpenAPI test reads `routes` from it).
func buildRouter(runtime: Runtime, signingSecret: Secret, options: APIOptions = APIOptions()) async throws -> Router<APIRequestContext> {
    try await buildRouters(runtime: runtime, signingSecret: signingSecret, options: options).http
}

/// The HTTP router, and the router the WebSocket server asks whether to upgrade (`GET /api/v1/realtime`),
/// sharing one set of real-time tickets and connection counts.
func buildRouters(
    runtime: Runtime, signingSecret: Secret, options: APIOptions = APIOptions()
) async throws -> (http: Router<APIRequestContext>, webSocket: Router<RealtimeRequestContext>, webSocketConfiguration: WebSocketServerConfiguration) {
    let deps = runtime.dependencies
    let tokens = await AccessTokens(secret: signingSecret.value, clock: deps.clock, lifetime: options.accessTokenLifetime)
    let body = JSONBody(maximumBytes: options.maximumBodyBytes)
    let document = try OpenAPIDocument.data()

    let router = Router(context: APIRequestContext.self)
    // Outermost, so that every request is counted with the status it finally got (problems included).
    router.add(middleware: MetricsMiddleware())
    router.add(middleware: ProblemMiddleware())
    let limits = runtime.settings.attachments.limits
    // An upload carries one file plus its multipart framing.
    let uploadLimit = Int(limits.largestBytes) + 64 * 1024
    router.add(middleware: BodyLimitMiddleware(maximumBytes: options.maximumBodyBytes, uploadMaximumBytes: uploadLimit))
    HealthRoutes(storage: deps.storage).register(on: router)
    MetricsRoutes().register(on: router)

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
    OutboxRoutes(deps: deps).register(on: signedIn)
    NotificationTemplateRoutes(deps: deps, body: body).register(on: signedIn)
    SLARoutes(deps: deps, body: body).register(on: signedIn)

    let realtime = RealtimeRoutes(deps: deps, tokens: tokens, options: options.realtime)
    realtime.registerHTTP(on: signedIn)
    let webSocketRouter = Router(context: RealtimeRequestContext.self)
    webSocketRouter.add(middleware: realtime.authentication)
    realtime.registerWebSocket(on: webSocketRouter)
    return (router, webSocketRouter, realtime.webSocketConfiguration)
}
