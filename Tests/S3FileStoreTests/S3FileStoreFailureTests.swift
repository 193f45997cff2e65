import Domain
import Foundation
import S3FileStore
import Testing

/// How the store reports refused credentials, a server that is gone and a bucket that is missing:
/// each operation throws the port's error with a message that says what happened, never "missing".
@Suite("S3FileStore failures")
struct S3FileStoreFailureTests {
    /// Every operation of `store`, named, each producing a printable result.
    static func operations(_ store: S3FileStore) throws -> [(String, @Sendable () async throws -> String)] {
        let key = try FileKey("failures/object.txt")
        return [
            ("put(\(key))", { "\(try await store.put(key, contentType: "text/plain", body: .bytes(Data("hello".utf8))))" }),
            ("get(\(key))", { "\(try await store.get(key).map { "\($0.0)" } ?? "nil")" }),
            ("head(\(key))", { "\(try await store.head(key).map { "\($0)" } ?? "nil")" }),
            ("delete(\(key))", { try await store.delete(key); return "success" }),
        ]
    }

    @Test(.enabled(if: S3TestServer.shouldRun, S3TestServer.missingMessage),
          arguments: ["a wrong secret key", "an unknown access key"])
    func refusedCredentialsAreUnauthorized(_ variant: String) async throws {
        let server = try S3TestServer.required()
        // The bucket holds an object, so that a store that ignored the refusal would find something.
        let good = try S3FileStore(server.configuration())
        try await good.put(FileKey("failures/object.txt"), contentType: "text/plain", body: .bytes(Data("there".utf8)))
        let configuration = variant == "a wrong secret key"
            ? server.configuration(secretKey: server.secretKey + "-wrong")
            : server.configuration(accessKey: "nobody-\(UUID().uuidString.prefix(8))")
        let store = try S3FileStore(configuration)
        for (operation, body) in try Self.operations(store) {
            do {
                let result = try await body()
                Issue.record("\(operation) with \(variant) returned \(result) instead of throwing FileStoreError.unauthorized")
            } catch FileStoreError.unauthorized(let reason) {
                #expect(reason.contains("refused the credentials of access key \(configuration.accessKey)"),
                        "\(operation) with \(variant): the message should say the credentials were refused: \(reason)")
            } catch {
                Issue.record("\(operation) with \(variant) threw \(error), not FileStoreError.unauthorized")
            }
        }
    }

    @Test func serverDownIsUnavailableQuickly() async throws {
        let port = try LoopbackSocket.closedPort()
        var configuration = S3FileStore.Configuration(
            endpoint: URL(string: "http://127.0.0.1:\(port)")!, bucket: "absent", region: "us-east-1", accessKey: "a", secretKey: "b"
        )
        configuration.firstRetryDelay = .milliseconds(50)
        configuration.connectTimeout = .seconds(120)
        let store = try S3FileStore(configuration)
        for (operation, body) in try Self.operations(store) {
            let started = ContinuousClock.now
            do {
                let result = try await body()
                Issue.record("\(operation) with nothing listening returned \(result) instead of throwing FileStoreError.unavailable")
            } catch FileStoreError.unavailable(let reason) {
                #expect(reason.contains("cannot be reached") && reason.contains("after 3 attempts"),
                        "\(operation) with nothing listening: the message should say the server cannot be reached, after retries: \(reason)")
            } catch {
                Issue.record("\(operation) with nothing listening threw \(error), not FileStoreError.unavailable")
            }
            let elapsed = ContinuousClock.now - started
            // Three refused connections and two short waits take well under a second alone. The bound is
            // half of one connect time-out (120 s): reaching it would mean the refusal went unnoticed,
            // while the margin absorbs a machine whose cores are busy with the other suites (up to 17 s
            // was seen with the whole test run in parallel on 2 cores).
            #expect(elapsed < .seconds(60), "\(operation) with nothing listening took \(elapsed) to report the outage")
        }
    }

    @Test(.enabled(if: S3TestServer.shouldRun, S3TestServer.missingMessage))
    func missingBucketIsUnavailableNotMissing() async throws {
        let server = try S3TestServer.required()
        let store = try S3FileStore(server.configuration(bucket: "no-such-bucket-\(UUID().uuidString.lowercased().prefix(8))"))
        let key = try FileKey("some/object.bin")
        for (operation, body) in [("head(\(key))", { try await store.head(key).map { "\($0)" } ?? "nil" }),
                                  ("get(\(key))", { try await store.get(key).map { "\($0.0)" } ?? "nil" })] as [(String, () async throws -> String)] {
            do {
                let result = try await body()
                Issue.record("\(operation) in a missing bucket returned \(result): a missing bucket is a failure, not a missing object")
            } catch FileStoreError.unavailable(let reason) {
                #expect(reason.contains("does not exist"), "\(operation) in a missing bucket: the message should name the bucket: \(reason)")
            } catch {
                Issue.record("\(operation) in a missing bucket threw \(error), not FileStoreError.unavailable")
            }
        }
        await #expect(throws: FileStoreError.self, "checkBucket() of a missing bucket") { try await store.checkBucket() }
    }
}
