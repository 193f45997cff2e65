/// The WebSocket endpoint's limits (SPEC §7 "Backpressure and limits"), each a `SWITCHBOARD_REALTIME_*`
/// variable with the default in brackets:
/// - `_SEND_BUFFER` (256): frames queued for one connection before it counts as a slow consumer and is
///   closed (the client reconnects and catches up with `after`); 1 … 65536.
/// - `_MAX_MESSAGE_BYTES` (4096): the largest client message; 256 … 1048576.
/// - `_HEARTBEAT_SECONDS` (30): how often the server pings; 1 … 3600.
/// - `_IDLE_SECONDS` (300): a connection that sent nothing for this long is closed; at least the
///   heartbeat, at most 86400.
/// - `_CONNECTIONS_PER_USER` (10): open connections one user may hold on one API process; 1 … 10000.
public struct RealtimeSettings: Sendable, Equatable {
    public var sendBufferFrames = 256
    public var maximumMessageBytes = 4 * 1024
    public var heartbeatSeconds = 30
    public var idleSeconds = 300
    public var connectionsPerUser = 10

    public init() {}

    static let sendBufferRange = 1...65_536
    static let messageBytesRange = 256...1_048_576
    static let heartbeatRange = 1...3_600
    static let idleRange = 1...86_400
    static let connectionsRange = 1...10_000

    /// Reads every `SWITCHBOARD_REALTIME_*` variable, reporting each bad value (and an idle timeout
    /// shorter than the heartbeat, which would close healthy connections between pings).
    static func read(_ reader: inout ConfigurationReader) -> RealtimeSettings {
        var settings = RealtimeSettings()
        if let value = reader.read(.realtimeSendBuffer, integer(in: sendBufferRange, "frames")) { settings.sendBufferFrames = value }
        if let value = reader.read(.realtimeMaxMessageBytes, integer(in: messageBytesRange, "bytes")) { settings.maximumMessageBytes = value }
        if let value = reader.read(.realtimeHeartbeatSeconds, integer(in: heartbeatRange, "seconds")) { settings.heartbeatSeconds = value }
        if let value = reader.read(.realtimeIdleSeconds, integer(in: idleRange, "seconds")) { settings.idleSeconds = value }
        if let value = reader.read(.realtimeConnectionsPerUser, integer(in: connectionsRange, "connections")) { settings.connectionsPerUser = value }
        if settings.idleSeconds < settings.heartbeatSeconds {
            reader.report(
                .realtimeIdleSeconds,
                "\(settings.idleSeconds) is shorter than the heartbeat (\(settings.heartbeatSeconds) s): healthy connections would be closed between pings")
        }
        return settings
    }

    /// A whole number within `range`, written as digits.
    private static func integer(in range: ClosedRange<Int>, _ unit: String) -> (String) throws(InvalidValue) -> Int {
        { text throws(InvalidValue) in
            guard !text.isEmpty, text.utf8.allSatisfy({ (48...57).contains($0) }), let value = Int(text), range.contains(value) else {
                throw InvalidValue("\"\(text)\" is not a whole number of \(unit) from \(range.lowerBound) to \(range.upperBound)")
            }
            return value
        }
    }
}
