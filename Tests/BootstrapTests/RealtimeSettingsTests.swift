import Bootstrap
import Testing

@Suite("The WebSocket endpoint's limits")
struct RealtimeSettingsTests {
    @Test func defaultsAreTheDocumentedOnes() throws {
        let parsed = try settings([:]).realtime
        #expect(parsed == RealtimeSettings())
        #expect([parsed.sendBufferFrames, parsed.maximumMessageBytes, parsed.heartbeatSeconds, parsed.idleSeconds, parsed.connectionsPerUser]
            == [256, 4096, 30, 300, 10])
    }

    @Test func everyLimitIsConfigurable() throws {
        let parsed = try settings([
            "SWITCHBOARD_REALTIME_SEND_BUFFER": "1024",
            "SWITCHBOARD_REALTIME_MAX_MESSAGE_BYTES": "65536",
            "SWITCHBOARD_REALTIME_HEARTBEAT_SECONDS": "10",
            "SWITCHBOARD_REALTIME_IDLE_SECONDS": "10",
            "SWITCHBOARD_REALTIME_CONNECTIONS_PER_USER": "2000",
        ]).realtime
        #expect([parsed.sendBufferFrames, parsed.maximumMessageBytes, parsed.heartbeatSeconds, parsed.idleSeconds, parsed.connectionsPerUser]
            == [1024, 65536, 10, 10, 2000])
    }

    @Test func badValuesAreRefusedOneLineEachNamingTheVariable() {
        #expect(problems([
            "SWITCHBOARD_REALTIME_SEND_BUFFER": "0",
            "SWITCHBOARD_REALTIME_MAX_MESSAGE_BYTES": "4k",
            "SWITCHBOARD_REALTIME_HEARTBEAT_SECONDS": "3601",
            "SWITCHBOARD_REALTIME_CONNECTIONS_PER_USER": "-1",
        ]) == [
            "SWITCHBOARD_REALTIME_SEND_BUFFER: \"0\" is not a whole number of frames from 1 to 65536",
            "SWITCHBOARD_REALTIME_MAX_MESSAGE_BYTES: \"4k\" is not a whole number of bytes from 256 to 1048576",
            "SWITCHBOARD_REALTIME_HEARTBEAT_SECONDS: \"3601\" is not a whole number of seconds from 1 to 3600",
            "SWITCHBOARD_REALTIME_CONNECTIONS_PER_USER: \"-1\" is not a whole number of connections from 1 to 10000",
        ])
    }

    @Test func anIdleTimeoutShorterThanTheHeartbeatIsRefused() {
        #expect(problems(["SWITCHBOARD_REALTIME_HEARTBEAT_SECONDS": "60", "SWITCHBOARD_REALTIME_IDLE_SECONDS": "30"]) == [
            "SWITCHBOARD_REALTIME_IDLE_SECONDS: 30 is shorter than the heartbeat (60 s): healthy connections would be closed between pings",
        ])
    }
}
