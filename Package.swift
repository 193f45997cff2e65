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
        // Contract suites are published so that third-party adapters can prove themselves.
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
        .target(name: "LocalFileStore", dependencies: ["Domain"], path: "Adapters/LocalFileStore", swiftSettings: swiftSettings),
        // libcurl through typed wrappers (Swift cannot call its variadic setopt), then a safe Swift layer
        // shared by the curl-based adapters (S3 file store, SMTP notifier); neither knows any port.
        .systemLibrary(name: "CCurl", path: "Adapters/CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .target(name: "CurlSupport", dependencies: ["CCurl"], path: "Adapters/CurlSupport", swiftSettings: swiftSettings),
        .target(name: "S3FileStore", dependencies: ["Domain", "CurlSupport"], path: "Adapters/S3FileStore", swiftSettings: swiftSettings),
        .target(name: "StdoutNotifier", dependencies: ["Domain"], path: "Adapters/StdoutNotifier", swiftSettings: swiftSettings),
        .target(name: "SystemClock", dependencies: ["Domain"], path: "Adapters/SystemClock", swiftSettings: swiftSettings),
        .target(name: "InProcessTransport", dependencies: ["Domain"], path: "Adapters/InProcessTransport", swiftSettings: swiftSettings),
        .target(
            name: "BcryptPasswordHasher",
            dependencies: ["Domain", .product(name: "HummingbirdBcrypt", package: "hummingbird-auth")],
            path: "Adapters/BcryptPasswordHasher",
            swiftSettings: swiftSettings
        ),

        // MARK: - Contracts

        .target(name: "StorageContract", dependencies: ["Domain"], path: "Contracts/StorageContract", swiftSettings: swiftSettings),
        .target(name: "FileStoreContract", dependencies: ["Domain"], path: "Contracts/FileStoreContract", swiftSettings: swiftSettings),
        .target(name: "NotifierContract", dependencies: ["Domain"], path: "Contracts/NotifierContract", swiftSettings: swiftSettings),
        .target(name: "ClockContract", dependencies: ["Domain"], path: "Contracts/ClockContract", swiftSettings: swiftSettings),
        .target(name: "TransportContract", dependencies: ["Domain"], path: "Contracts/TransportContract", swiftSettings: swiftSettings),

        // MARK: - Apps

        .target(
            name: "Bootstrap",
            dependencies: [
                "Domain", "SQLiteStorage", "LocalFileStore", "S3FileStore", "StdoutNotifier", "SystemClock", "InProcessTransport",
                "BcryptPasswordHasher", .product(name: "Logging", package: "swift-log"),
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
            dependencies: ["Bootstrap", "Domain", "S3FileStore", .product(name: "Logging", package: "swift-log")],
            path: "Tests/BootstrapTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "StorageContractTests",
            dependencies: ["StorageContract", "Memory", "Domain"],
            path: "Tests/StorageContractTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "CLITests", dependencies: ["CLI", "Domain"], path: "Tests/CLITests", swiftSettings: swiftSettings),
    ]
)
