import Domain
import Testing

/// Shared checks of the file-store cases; each message names the operation and the key.
extension FileStoreContract {
    /// `head` and `get` of `key` both report exactly `content` with `contentType`, and the body streams
    /// back byte for byte (verified by a checksum folded while streaming).
    static func expectStored(
        _ store: any FileStore, _ key: FileKey, content: ContractBytes, checksum: StreamChecksum? = nil,
        contentType: String, after operation: String, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        let expected = StoredFile(key: key, size: Int64(content.count), contentType: contentType)
        let head = try await store.head(key)
        #expect(head == expected, "head(\(key)) after \(operation): metadata", sourceLocation: sourceLocation)
        let found = try await store.get(key)
        let (file, body) = try #require(found, "get(\(key)) after \(operation) returned nil", sourceLocation: sourceLocation)
        #expect(file == expected, "get(\(key)) after \(operation): metadata", sourceLocation: sourceLocation)
        let received = try await StreamChecksum(of: body)
        let sent = checksum ?? content.checksum()
        #expect(received == sent, "get(\(key)) after \(operation): body (\(content))", sourceLocation: sourceLocation)
    }

    /// `head` and `get` of `key` both return `nil`.
    static func expectMissing(
        _ store: any FileStore, _ key: FileKey, after operation: String, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        let head = try await store.head(key)
        #expect(head == nil, "head(\(key)) after \(operation) should be nil", sourceLocation: sourceLocation)
        let found = try await store.get(key)
        #expect(found == nil, "get(\(key)) after \(operation) should be nil, got \(found.map { "\($0.0)" } ?? "")",
                sourceLocation: sourceLocation)
    }

    /// `operation` throws `FileStoreError.unavailable`: not another error, not a result.
    static func expectUnavailable<T>(
        _ operation: String, sourceLocation: SourceLocation = #_sourceLocation, _ body: () async throws -> T
    ) async {
        do {
            let result = try await body()
            Issue.record("\(operation) during an outage returned \(result) instead of throwing FileStoreError.unavailable",
                         sourceLocation: sourceLocation)
        } catch let error as FileStoreError {
            guard case .unavailable = error else {
                Issue.record("\(operation) during an outage threw \(error), not .unavailable", sourceLocation: sourceLocation)
                return
            }
        } catch {
            Issue.record("\(operation) during an outage threw \(error), not FileStoreError.unavailable",
                         sourceLocation: sourceLocation)
        }
    }
}
