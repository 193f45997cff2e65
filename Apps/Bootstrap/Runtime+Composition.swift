import Domain
import Logging

extension Runtime {
    /// A runtime from adapters the caller already opened. `make(settings:logger:)` is the production
    /// path; API tests use this to run the real application on the memory adapters.
    public static func composing(
        settings: Settings, storage: any MigratableStorage, files: any FileStore, notifier: any Notifier,
        transport: any Transport, dependencies: Dependencies, logger: Logger
    ) -> Runtime {
        Runtime(
            settings: settings, storage: storage, files: files, notifier: notifier, transport: transport,
            dependencies: dependencies, logger: logger
        )
    }
}
