// swift-tools-version:6.0
import PackageDescription

/// Stepwork: one executable over our own HTTP/1.1 server, libpq and OpenSSL.
/// No Swift package dependencies, by design.
let strict: [SwiftSetting] = [
    .unsafeFlags(["-cross-module-optimization"], .when(configuration: .release)),
]

let package = Package(
    name: "Stepwork",
    products: [
        .executable(name: "stepwork", targets: ["stepwork"]),
        .executable(name: "stepwork-bench-server", targets: ["stepwork-bench-server"]),
        .executable(name: "stepwork-bench-db", targets: ["stepwork-bench-db"]),
    ],
    targets: [
        // C headers Swift cannot see on its own.
        .target(name: "CLinux", path: "Sources/CLinux"),
        .systemLibrary(name: "CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        .systemLibrary(name: "COpenSSL", pkgConfig: "openssl", providers: [.apt(["libssl-dev"])]),

        // Infrastructure: no domain knowledge.
        .target(name: "Logging", swiftSettings: strict),
        .target(name: "HTTPServer", dependencies: ["CLinux", "Logging"], swiftSettings: strict),
        .target(name: "Web", dependencies: ["HTTPServer", "Postgres", "Crypto", "Logging"], swiftSettings: strict),
        .target(name: "Postgres", dependencies: ["CLibPQ", "Logging"], swiftSettings: strict),
        .target(name: "Migrations", dependencies: ["Postgres", "Logging"], swiftSettings: strict),
        .target(name: "Crypto", dependencies: ["COpenSSL"], swiftSettings: strict),
        // Encryption at rest: key-encryption keys, wrapped data keys, sealed texts.
        .target(name: "Encryption", dependencies: ["Crypto", "Postgres", "Logging"], swiftSettings: strict),

        // The domain. Activity is written by the modules where things happen, so it imports none of them.
        .target(name: "Activity", dependencies: ["Auth", "Web", "Postgres", "Logging"], swiftSettings: strict),
        .target(name: "Auth", dependencies: ["Web", "Postgres", "Crypto", "Logging"], swiftSettings: strict),
        .target(name: "Sponsorships", dependencies: ["Activity", "Auth", "Web", "Postgres", "Crypto", "Logging"], swiftSettings: strict),
        .target(name: "Permissions", dependencies: ["Activity", "Auth", "Web", "Postgres", "Logging"], swiftSettings: strict),
        .target(name: "Entries", dependencies: ["Auth", "Permissions", "Encryption", "Web", "Postgres", "Logging"], swiftSettings: strict),
        .target(name: "Comments", dependencies: ["Activity", "Auth", "Permissions", "Encryption", "Web", "Postgres", "Logging"], swiftSettings: strict),
        .target(name: "Reviews", dependencies: ["Activity", "Auth", "Permissions", "Encryption", "Web", "Postgres", "Logging"], swiftSettings: strict),
        .target(
            name: "Privacy",
            dependencies: ["Auth", "Permissions", "Entries", "Comments", "Reviews", "Sponsorships", "Encryption", "HTTPServer", "Web",
                           "Postgres", "Logging"],
            swiftSettings: strict),

        // The browser app: static files served from memory.
        .target(name: "Browser", dependencies: ["HTTPServer", "Web"], resources: [.copy("Public")], swiftSettings: strict),

        // Wiring: configuration, the application, the command line.
        .target(
            name: "App",
            dependencies: ["HTTPServer", "Web", "Postgres", "Migrations", "Crypto", "Encryption", "Logging",
                           "Activity", "Auth", "Sponsorships", "Permissions", "Entries", "Comments", "Reviews", "Browser", "Privacy"],
            swiftSettings: strict),
        .executableTarget(name: "stepwork", dependencies: ["App"], swiftSettings: strict),
        .executableTarget(
            name: "stepwork-bench-server",
            dependencies: ["HTTPServer", "Postgres", "Logging"],
            swiftSettings: strict),
        // `make bench-db`: our pool against raw libpq (Benchmarks/db/raw_libpq.c).
        .executableTarget(name: "stepwork-bench-db", dependencies: ["Postgres"], swiftSettings: strict),

        // Tests: shared helpers, then one folder per module.
        .target(name: "TestSupport", dependencies: ["App", "Postgres", "Migrations", "Logging", "CLinux", "Crypto", "Encryption"], path: "Tests/Support"),
        .testTarget(name: "HTTPServerTests", dependencies: ["HTTPServer", "TestSupport"]),
        .testTarget(name: "WebTests", dependencies: ["Web", "HTTPServer", "TestSupport"]),
        .testTarget(name: "PostgresTests", dependencies: ["Postgres", "TestSupport"]),
        .testTarget(name: "MigrationsTests", dependencies: ["Migrations", "Postgres", "TestSupport"]),
        .testTarget(name: "CryptoTests", dependencies: ["Crypto"]),
        .testTarget(name: "EncryptionTests", dependencies: ["Encryption", "Crypto"]),
        .testTarget(name: "AppTests", dependencies: ["App", "Entries", "Permissions", "Encryption", "Crypto", "Postgres", "TestSupport"]),
        .testTarget(name: "AuthTests", dependencies: ["Auth", "App", "TestSupport"]),
        .testTarget(name: "EntriesTests", dependencies: ["Entries", "Sponsorships", "Permissions", "Encryption", "App", "TestSupport"]),
        .testTarget(name: "CommentsTests", dependencies: ["Comments", "Encryption", "App", "TestSupport"]),
        .testTarget(name: "ReviewsTests", dependencies: ["Reviews", "App", "TestSupport"]),
        .testTarget(name: "ActivityTests", dependencies: ["Activity", "App", "Crypto", "Encryption", "TestSupport"]),
        .testTarget(name: "BrowserTests", dependencies: ["Browser", "App", "TestSupport"]),
        .testTarget(name: "PrivacyTests", dependencies: ["Privacy", "Permissions", "App", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
