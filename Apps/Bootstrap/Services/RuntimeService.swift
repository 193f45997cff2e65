import ServiceLifecycle

/// The runtime's background work (the PostgreSQL pool) as the first service of a `ServiceGroup`: it starts
/// before the services that use it and, shut down in reverse order, stops after them.
public struct RuntimeService: Service {
    let runtime: Runtime

    public init(_ runtime: Runtime) { self.runtime = runtime }

    public func run() async throws {
        let runtime = runtime
        await cancelWhenGracefulShutdown { await runtime.run() }
    }
}
