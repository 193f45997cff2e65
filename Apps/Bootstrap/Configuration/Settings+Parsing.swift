import Domain
import Logging

extension Settings {
    /// Builds the settings from `environment` and nothing else: no process environment is read, so
    /// tests need no real one.
    ///
    /// Variables without the `SWITCHBOARD_` prefix are ignored. When `SWITCHBOARD_CONFIG_FILE` is set,
    /// its contents come from `readFile` (the disk by default; tests pass a closure).
    ///
    /// - Throws: `ConfigurationError` listing every bad value, one line each.
    public static func parse(
        environment: [String: String],
        readFile: (_ path: String) throws -> String = Settings.readFromDisk
    ) throws(ConfigurationError) -> Settings {
        var file: ConfigurationFile?
        var fileProblem: InvalidValue?
        if let path = environment[ConfigurationKey.configFile.name] {
            do { file = try loadFile(at: path, readFile) } catch { fileProblem = error }
        }

        var reader = ConfigurationReader(environment: environment, file: file)
        if let fileProblem { reader.reportFile(fileProblem.message) }

        let dataDirectory = reader.read(.dataDirectory) { text throws(InvalidValue) in
            try FilePathSetting.validate(text, what: "data folder")
        } ?? defaultDataDirectory

        let database = reader.read(.databaseURL, DatabaseSettings.parse) ?? .defaultValue(dataDirectory: dataDirectory)
        let files = readFiles(&reader, dataDirectory: dataDirectory)
        let notifier = reader.read(.notifierURL, NotifierSettings.parse) ?? .stdout
        let host = reader.read(.host, NetworkAddress.host) ?? defaultHost
        let port = reader.read(.port, NetworkAddress.port) ?? defaultPort
        let jwtSecret = reader.read(.jwtSecret) { text throws(InvalidValue) in
            guard text.utf8.count >= minimumJWTSecretBytes else {
                throw InvalidValue(
                    "too short (\(text.utf8.count) bytes; use at least \(minimumJWTSecretBytes) random bytes, e.g. `openssl rand -base64 48`)"
                )
            }
            return Secret(text)
        }
        if case .postgres = database, !reader.isSet(.jwtSecret) {
            reader.report(.jwtSecret, "required with a postgres:// database (every API process must sign tokens with the same secret)")
        }
        let logLevel = reader.read(.logLevel, parseLogLevel) ?? defaultLogLevel
        let assignmentInterval = reader.read(.assignmentInterval, parseInterval) ?? defaultAssignmentInterval
        let attachments = AttachmentSettings(
            limits: AttachmentLimits(
                imageBytes: reader.read(.attachmentImageMaxBytes, AttachmentSettings.byteCount) ?? AttachmentLimits.default.imageBytes,
                documentBytes: reader.read(.attachmentDocumentMaxBytes, AttachmentSettings.byteCount) ?? AttachmentLimits.default.documentBytes
            ),
            pendingLifetimeSeconds: reader.read(.attachmentPendingSeconds, AttachmentSettings.seconds) ?? 24 * 3600
        )
        let realtime = RealtimeSettings.read(&reader)
        reader.checkNames()

        guard reader.problems.isEmpty else { throw ConfigurationError(problems: reader.problems) }
        var sources: [ConfigurationKey: ConfigurationSource] = [:]
        for key in ConfigurationKey.allCases { sources[key] = reader.source(of: key) }
        return Settings(
            configFile: file?.path, dataDirectory: dataDirectory, database: database, files: files, notifier: notifier,
            host: host, port: port, jwtSecret: jwtSecret, logLevel: logLevel, attachments: attachments, sources: sources,
            assignmentInterval: assignmentInterval, realtime: realtime
        )
    }

    /// Seconds, 0.05 to 3600, as a decimal.
    static func parseInterval(_ text: String) throws(InvalidValue) -> Duration {
        guard let seconds = Double(text), seconds >= 0.05, seconds <= 3600 else {
            throw InvalidValue("expected seconds between 0.05 and 3600, e.g. 2 or 0.5")
        }
        return .milliseconds(Int((seconds * 1000).rounded()))
    }

    private static func loadFile(at path: String, _ readFile: (String) throws -> String) throws(InvalidValue) -> ConfigurationFile {
        guard !path.isEmpty else { throw InvalidValue("is empty (give a value, or unset it)") }
        let contents: String
        do {
            contents = try readFile(path)
        } catch let error as InvalidValue {
            throw error
        } catch {
            throw InvalidValue("cannot read \"\(path)\": \(error)")
        }
        return try ConfigurationFile(path: path, contents: contents)
    }

    /// The file store, with the S3 keys required exactly when the URL is `s3://`: keys that nothing
    /// reads usually mean the URL variable is misspelt or missing.
    private static func readFiles(_ reader: inout ConfigurationReader, dataDirectory: String) -> FileStoreSettings {
        let parsed = reader.read(.filesURL, FileStoreSettings.parse)
        let accessKey = reader.read(.s3AccessKey) { Secret($0) }
        let secretKey = reader.read(.s3SecretKey) { Secret($0) }
        if parsed == nil, reader.isSet(.filesURL) {
            // The URL itself is wrong (already reported): whether keys belong with it is unknowable.
            return .defaultValue(dataDirectory: dataDirectory)
        }
        guard case let .s3(location)? = parsed else {
            for key in [ConfigurationKey.s3AccessKey, .s3SecretKey] where reader.hasValue(key) {
                reader.report(key, "set, but SWITCHBOARD_FILES_URL is not an s3:// URL (nothing would read it)")
            }
            if case let .local(directory)? = parsed { return .local(directory: directory) }
            return .defaultValue(dataDirectory: dataDirectory)
        }
        for key in [ConfigurationKey.s3AccessKey, .s3SecretKey] where !reader.isSet(key) {
            reader.report(key, "required when SWITCHBOARD_FILES_URL is an s3:// URL")
        }
        guard let accessKey, let secretKey else { return .defaultValue(dataDirectory: dataDirectory) }
        return .s3(S3Settings(location: location, accessKey: accessKey, secretKey: secretKey))
    }

    private static func parseLogLevel(_ text: String) throws(InvalidValue) -> Logger.Level {
        guard let level = Logger.Level(rawValue: text.lowercased()) else {
            let names = ConnectionURL.list(Logger.Level.allCases.map(\.rawValue), conjunction: "or")
            throw InvalidValue("unknown level \"\(text)\" (expected \(names))")
        }
        return level
    }
}
