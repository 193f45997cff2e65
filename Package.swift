// swift-tools-version: 6.1
// Switchboard: a hexagonal customer-support backend.
// Layout (see README.md): Modules/Domain is pure; Adapters/* implement its ports;
// Contracts/* are the executable specification of each port; Apps/* compose them.
import PackageDescription

/// One set of compiler settings for every target: Swift 6 mode with strict concurrency
/// (implied by the language mode), explicit `any`, and imports that must be stated.
let swiftSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "Switchboard",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "switchboard", targets: ["CLI"]),
        .executable(name: "switchboard-api", targets: ["API"]),
        .executable(name: "switchboard-worker", targets: ["Worker"]),
        .executable(name: "switchboard-bench", targets: ["Bench"]),
        // Contract suites are published so that third-party adapters can prove themselves.
        .library(name: "ContractKit", targets: ["ContractKit"]),
        .library(name: "StorageContract", targets: ["StorageContract"]),
        .library(name: "FileStoreContract", targets: ["FileStoreContract"]),
        .library(name: "NotifierContract", targets: ["NotifierContract"]),
        .library(name: "ClockContract", targets: ["ClockContract"]),
        .library(name: "TransportContract", targets: ["TransportContract"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", exact: "2.5.0"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", exact: "2.13.0"),
        // The range both hummingbird-auth and jwt-kit 5.8 accept.
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/vapor/postgres-nio", exact: "1.33.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        .package(url: "https://github.com/vapor/jwt-kit", exact: "5.8.0"),
        .package(url: "https://github.com/apple/swift-metrics", exact: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", exact: "2.4.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket", exact: "2.8.1"),
        .package(url: "https://github.com/swift-server/async-http-client", exact: "1.37.0"),
    ],
    targets: [
        // MARK: - Modules

        .target(name: "Domain", path: "Modules/Domain", swiftSettings: swiftSettings),

        // MARK: - Adapters

        .target(name: "Memory", dependencies: ["Domain"], path: "Adapters/Memory", swiftSettings: swiftSettings),
        .target(
            name: "SQLiteStorage",
            dependencies: ["Domain", .product(name: "GRDB", package: "GRDB.swift")],
            path: "Adapters/SQLiteStorage",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "PostgresStorage",
            dependencies: [
                "Domain", .product(name: "PostgresNIO", package: "postgres-nio"), .product(name: "Logging", package: "swift-log"),
            ],
            path: "Adapters/PostgresStorage",
            swiftSettings: swiftSettings
        ),
        .target(name: "LocalFileStore", dependencies: ["Domain"], path: "Adapters/LocalFileStore", swiftSettings: swiftSettings),
        // libcurl through typed wrappers (Swift cannot call its variadic setopt), then a safe Swift layer
        // shared by the curl-based adapters (S3 file store, SMTP notifier); neither knows any port.
        .systemLibrary(name: "CCurl", path: "Adapters/CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .target(name: "CurlSupport", dependencies: ["CCurl"], path: "Adapters/CurlSupport", swiftSettings: swiftSettings),
        .target(name: "S3FileStore", dependencies: ["Domain", "CurlSupport"], path: "Adapters/S3FileStore", swiftSettings: swiftSettings),
        .target(name: "StdoutNotifier", dependencies: ["Domain"], path: "Adapters/StdoutNotifier", swiftSettings: swiftSettings),
        .target(name: "SMTPNotifier", dependencies: ["Domain", "CurlSupport", "CCurl"], path: "Adapters/SMTPNotifier", swiftSettings: swiftSettings),
        .target(name: "SystemClock", dependencies: ["Domain"], path: "Adapters/SystemClock", swiftSettings: swiftSettings),
        .target(name: "InProcessTransport", dependencies: ["Domain"], path: "Adapters/InProcessTransport", swiftSettings: swiftSettings),
        .target(
            name: "PostgresTransport",
            dependencies: [
                "Domain", .product(name: "PostgresNIO", package: "postgres-nio"), .product(name: "Logging", package: "swift-log"),
            ],
            path: "Adapters/PostgresTransport",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "BcryptPasswordHasher",
            dependencies: ["Domain", .product(name: "HummingbirdBcrypt", package: "hummingbird-auth")],
            path: "Adapters/BcryptPasswordHasher",
            swiftSettings: swiftSettings
        ),

        .target(
            name: "CryptoSecretGenerator",
            dependencies: ["Domain", .product(name: "Crypto", package: "swift-crypto")],
            path: "Adapters/CryptoSecretGenerator",
            swiftSettings: swiftSettings
        ),

        // MARK: - Contracts

        // The harness every suite shares: named cases, capabilities, setup → body → teardown.
        .target(name: "ContractKit", path: "Contracts/ContractKit", swiftSettings: swiftSettings),
        .target(name: "StorageContract", dependencies: ["Domain", "ContractKit"], path: "Contracts/StorageContract", swiftSettings: swiftSettings),
        .target(name: "FileStoreContract", dependencies: ["Domain", "ContractKit"], path: "Contracts/FileStoreContract", swiftSettings: swiftSettings),
        .target(name: "NotifierContract", dependencies: ["Domain", "ContractKit"], path: "Contracts/NotifierContract", swiftSettings: swiftSettings),
        .target(name: "ClockContract", dependencies: ["Domain", "ContractKit"], path: "Contracts/ClockContract", swiftSettings: swiftSettings),
        .target(name: "TransportContract", dependencies: ["Domain", "ContractKit"], path: "Contracts/TransportContract", swiftSettings: swiftSettings),
        // The HTTP API's contract: its OpenAPI document, as a resource the API serves and its tests check.
        .target(
            name: "OpenAPIDocument", path: "Contracts/OpenAPI", resources: [.copy("openapi.json")], swiftSettings: swiftSettings
        ),

        // MARK: - Apps

        .target(
            name: "Bootstrap",
            dependencies: [
                "Domain", "SQLiteStorage", "PostgresStorage", "LocalFileStore", "S3FileStore", "StdoutNotifier", "SMTPNotifier", "SystemClock", "InProcessTransport",
                "PostgresTransport",
                "BcryptPasswordHasher", "CryptoSecretGenerator", .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            path: "Apps/Bootstrap",
            swiftSettings: swiftSettings
        ),

        .executableTarget(
            name: "CLI",
            dependencies: [
                "Bootstrap", "Domain",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Apps/CLI",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "API",
            dependencies: [
                "Bootstrap", "Domain", "OpenAPIDocument",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Apps/API",
            swiftSettings: swiftSettings
        ),

        .executableTarget(
            name: "Worker",
            dependencies: [
                "Bootstrap", "Domain",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            path: "Apps/Worker",
            swiftSettings: swiftSettings
        ),

        // The load generator of the benchmark (scripts/bench): HTTP scenarios against a running API and a
        // raw-database baseline; it sees the storage adapters only for the baseline's direct inserts.
        .executableTarget(
            name: "Bench",
            dependencies: [
                "Domain", "SQLiteStorage", "PostgresStorage", "Bootstrap",
                "SystemClock", "InProcessTransport", "BcryptPasswordHasher", "CryptoSecretGenerator",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                // The WebSocket fan-out benchmark's clients.
                .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
            ],
            path: "Apps/Bench",
            swiftSettings: swiftSettings
        ),

        // MARK: - Tests

        .testTarget(name: "DomainTests", dependencies: ["Domain", "Memory"], path: "Tests/DomainTests", swiftSettings: swiftSettings),
        .testTarget(
            name: "MemoryTests",
            dependencies: ["Memory", "Domain", "StorageContract", "FileStoreContract", "NotifierContract", "ClockContract", "TransportContract"],
            path: "Tests/MemoryTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SQLiteStorageTests",
            dependencies: ["SQLiteStorage", "Domain", "StorageContract"],
            path: "Tests/SQLiteStorageTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PostgresStorageTests",
            dependencies: [
                "PostgresStorage", "Domain", "StorageContract", "TestSupport",
                .product(name: "PostgresNIO", package: "postgres-nio"), .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/PostgresStorageTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "LocalFileStoreTests",
            dependencies: ["LocalFileStore", "Domain", "FileStoreContract"],
            path: "Tests/LocalFileStoreTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "CurlSupportTests", dependencies: ["CurlSupport"], path: "Tests/CurlSupportTests", swiftSettings: swiftSettings),
        .testTarget(
            name: "S3FileStoreTests",
            dependencies: ["S3FileStore", "CurlSupport", "Domain", "FileStoreContract"],
            path: "Tests/S3FileStoreTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "StdoutNotifierTests",
            dependencies: ["StdoutNotifier", "Domain", "NotifierContract"],
            path: "Tests/StdoutNotifierTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SMTPNotifierTests",
            dependencies: ["SMTPNotifier", "Domain", "NotifierContract", "TestSupport"],
            path: "Tests/SMTPNotifierTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SystemClockTests",
            dependencies: ["SystemClock", "Domain", "ClockContract"],
            path: "Tests/SystemClockTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "InProcessTransportTests",
            dependencies: ["InProcessTransport", "Domain", "TransportContract"],
            path: "Tests/InProcessTransportTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "BcryptPasswordHasherTests",
            dependencies: ["BcryptPasswordHasher", "Domain"],
            path: "Tests/BcryptPasswordHasherTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "BootstrapTests",
            dependencies: ["Bootstrap", "Domain", "S3FileStore", "SMTPNotifier", "Memory", .product(name: "Logging", package: "swift-log")],
            path: "Tests/BootstrapTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "StorageContractTests",
            dependencies: ["StorageContract", "Memory", "Domain"],
            path: "Tests/StorageContractTests",
            swiftSettings: swiftSettings
        ),
        // What test targets share: running child processes and blocking waits off the cooperative pool, free ports.
        .target(name: "TestSupport", path: "Tests/TestSupport", swiftSettings: swiftSettings),
        .testTarget(name: "CLITests", dependencies: ["CLI", "Domain", "TestSupport"], path: "Tests/CLITests", swiftSettings: swiftSettings),
        .testTarget(
            name: "APITests",
            dependencies: [
                "API", "Bootstrap", "Domain", "Memory", "OpenAPIDocument", "BcryptPasswordHasher",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"), "InProcessTransport", "TestSupport",
            ],
            path: "Tests/APITests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CryptoSecretGeneratorTests",
            dependencies: ["CryptoSecretGenerator"],
            path: "Tests/CryptoSecretGeneratorTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "WorkerTests", dependencies: ["Worker", "TestSupport"], path: "Tests/WorkerTests", swiftSettings: swiftSettings),
        // Notification delivery under faults: an SMTP outage, a worker process killed mid-batch.
        .testTarget(
            name: "NotificationFaultTests",
            dependencies: [
                "Worker", "Bootstrap", "Domain", "Memory", "SMTPNotifier", "InProcessTransport", "TestSupport",
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/NotificationFaultTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PostgresTransportTests",
            dependencies: [
                "PostgresTransport", "Domain", "TransportContract", "TestSupport",
                .product(name: "PostgresNIO", package: "postgres-nio"), .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/PostgresTransportTests",
            swiftSettings: swiftSettings
        ),
    ]
)
