import Crypto

extension AppConfiguration {
    /// Every setting, in the order of `config/stepwork.json`. The variables of the operations
    /// guide (`STEPWORK_DATABASE_URL` … `STEPWORK_TRUSTED_PROXIES`) keep their names exactly.
    static var settings: [ConfigurationSetting] {
        [
            .init("databaseURL", "STEPWORK_DATABASE_URL", \.databaseURL, .connectionString),
            .init("databasePoolSize", "STEPWORK_DB_POOL_SIZE", \.databasePoolSize, .integer(in: 1...1000)),
            .init("databaseAcquireTimeoutSeconds", "STEPWORK_DB_ACQUIRE_TIMEOUT_SECONDS", \.databaseAcquireTimeout,
                  .seconds(in: 0.01...600)),
            .init("host", "STEPWORK_HOST", \.host, .ipAddress),
            .init("port", "STEPWORK_PORT", \.port, .integer(in: 0...65535)),
            .init("eventLoops", "STEPWORK_EVENT_LOOPS", \.eventLoops, .integer(in: 1...256)),
            .init("workerThreads", "STEPWORK_WORKER_THREADS", \.workerThreads, .integer(in: 1...1024)),
            .init("workerQueueLimit", "STEPWORK_WORKER_QUEUE_LIMIT", \.workerQueueLimit, .integer(in: 0...1_000_000)),
            .init("maxConnections", "STEPWORK_MAX_CONNECTIONS", \.maxConnections, .integer(in: 1...1_000_000)),
            .init("maxHeadBytes", "STEPWORK_MAX_HEAD_BYTES", \.maxHeadBytes, .integer(in: 1024...1_048_576)),
            .init("maxHeaderCount", "STEPWORK_MAX_HEADER_COUNT", \.maxHeaderCount, .integer(in: 1...10_000)),
            .init("maxBodyBytes", "STEPWORK_MAX_BODY_BYTES", \.maxBodyBytes, .integer(in: 1...1_073_741_824)),
            .init("headTimeoutSeconds", "STEPWORK_HEAD_TIMEOUT_SECONDS", \.headTimeout, .seconds(in: 0.01...3600)),
            .init("idleTimeoutSeconds", "STEPWORK_IDLE_TIMEOUT_SECONDS", \.idleTimeout, .seconds(in: 0.01...3600)),
            .init("bodyMinimumBytesPerSecond", "STEPWORK_BODY_MIN_BYTES_PER_SECOND", \.bodyMinimumBytesPerSecond,
                  .integer(in: 1...1_073_741_824)),
            .init("drainTimeoutSeconds", "STEPWORK_DRAIN_TIMEOUT_SECONDS", \.drainTimeout, .seconds(in: 0...3600)),
            .init("logLevel", "STEPWORK_LOG_LEVEL", \.logLevel, .logLevel),
            .init("passwordHashCost", "STEPWORK_PASSWORD_HASH_COST", \.passwordHashCost,
                  .integer(in: PasswordHasher.costRange)),
            .init("hashingConcurrency", "STEPWORK_HASHING_CONCURRENCY", \.hashingConcurrency, .integer(in: 1...64)),
            .init("hashingQueueLimit", "STEPWORK_HASHING_QUEUE_LIMIT", \.hashingQueueLimit, .integer(in: 0...100_000)),
            .init("sessionIdleLifetimeSeconds", "STEPWORK_SESSION_IDLE_LIFETIME_SECONDS", \.sessionIdleLifetime,
                  .seconds(in: 1...2_592_000)),
            .init("sessionAbsoluteLifetimeSeconds", "STEPWORK_SESSION_ABSOLUTE_LIFETIME_SECONDS",
                  \.sessionAbsoluteLifetime, .seconds(in: 1...31_536_000)),
            .init("inviteLifetimeSeconds", "STEPWORK_INVITE_LIFETIME_SECONDS", \.inviteLifetime,
                  .seconds(in: 1...2_592_000)),
            .init("loginMaxFailuresPerAccount", "STEPWORK_LOGIN_MAX_FAILURES_PER_ACCOUNT", \.loginMaxFailuresPerAccount,
                  .integer(in: 1...1_000_000)),
            .init("loginMaxFailuresPerAddress", "STEPWORK_LOGIN_MAX_FAILURES_PER_ADDRESS", \.loginMaxFailuresPerAddress,
                  .integer(in: 1...1_000_000)),
            .init("registerMaxPerAddress", "STEPWORK_REGISTER_MAX_PER_ADDRESS", \.registerMaxPerAddress,
                  .integer(in: 1...1_000_000)),
            .init("inviteAcceptMaxFailuresPerAddress", "STEPWORK_INVITE_ACCEPT_MAX_FAILURES_PER_ADDRESS",
                  \.inviteAcceptMaxFailuresPerAddress, .integer(in: 1...1_000_000)),
            .init("trustedProxies", "STEPWORK_TRUSTED_PROXIES", \.trustedProxies, .addressRanges),
            .init("publicOrigin", "STEPWORK_PUBLIC_ORIGIN", \.publicOrigin, .origin),
        ]
    }
}
