import Domain
import Logging

extension Settings {
    /// What `switchboard config check` prints: one line per variable with its effective value and
    /// where it came from. Passwords and secrets show as `***`; nothing else is hidden.
    public var redactedDescription: String {
        var rows: [(ConfigurationKey, String)] = []
        if let configFile { rows.append((.configFile, configFile)) }
        rows.append((.dataDirectory, dataDirectory))
        rows.append((.databaseURL, database.redactedURL))
        rows.append((.filesURL, files.redactedURL))
        if case .s3 = files {
            rows.append((.s3AccessKey, Secret.redacted))
            rows.append((.s3SecretKey, Secret.redacted))
        }
        rows.append((.notifierURL, notifier.redactedURL))
        rows.append((.host, host))
        rows.append((.port, String(port)))
        rows.append((.jwtSecret, jwtSecret == nil ? "(generated and kept in \(jwtSecretFile))" : Secret.redacted))
        rows.append((.logLevel, logLevel.rawValue))
        rows.append((.assignmentInterval, "\(Double(assignmentInterval.components.seconds) + Double(assignmentInterval.components.attoseconds) / 1e18) s"))
        rows.append((.attachmentImageMaxBytes, String(attachments.limits.imageBytes)))
        rows.append((.attachmentDocumentMaxBytes, String(attachments.limits.documentBytes)))
        rows.append((.attachmentPendingSeconds, String(attachments.pendingLifetimeSeconds)))
        rows.append((.realtimeSendBuffer, String(realtime.sendBufferFrames)))
        rows.append((.realtimeMaxMessageBytes, String(realtime.maximumMessageBytes)))
        rows.append((.realtimeHeartbeatSeconds, String(realtime.heartbeatSeconds)))
        rows.append((.realtimeIdleSeconds, String(realtime.idleSeconds)))
        rows.append((.realtimeConnectionsPerUser, String(realtime.connectionsPerUser)))

        let width = rows.map(\.0.name.count).max() ?? 0
        return rows.map { key, value in
            let name = key.name + String(repeating: " ", count: width - key.name.count)
            return "\(name)  \(value)  [\(sources[key] ?? .defaultValue)]"
        }.joined(separator: "\n")
    }
}
