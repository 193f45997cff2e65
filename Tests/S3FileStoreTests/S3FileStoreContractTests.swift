import Domain
import FileStoreContract
import Foundation
import S3FileStore
import Synchronization
import Testing

/// `S3FileStore` against the file-store contract on a real S3 server (SeaweedFS, started by
/// scripts/test), each case in a bucket of its own.
@Test(.enabled(if: S3TestServer.shouldRun, S3TestServer.missingMessage), arguments: FileStoreContract.cases)
func s3FileStoreContract(_ contractCase: FileStoreContractCase) async throws {
    try await contractCase.run(against: S3FileStoreSubject(server: S3TestServer.required()))
}

/// Fresh buckets, reached through a forwarder of the test's own so that an outage is real: the
/// forwarder closes its port and cuts open connections, and the store then finds nothing listening,
/// as when the S3 server is gone.
final class S3FileStoreSubject: FileStoreContractSubject {
    let server: S3TestServer
    private let made = Mutex<[(store: S3FileStore, bucket: String, forwarder: TCPForwarder)]>([])

    init(server: S3TestServer) {
        self.server = server
    }

    var capabilities: Set<FileStoreCapability> { [.outage] }

    func makeStore() async throws -> any FileStore {
        let bucket = try await server.createBucket()
        let port = try #require(server.endpoint.port.map(UInt16.init), "the S3 endpoint \(server.endpoint) has no port")
        let forwarder = try TCPForwarder(to: port)
        let store = try S3FileStore(server.configuration(bucket: bucket, endpoint: URL(string: "http://127.0.0.1:\(forwarder.port)")!))
        made.withLock { $0.append((store, bucket, forwarder)) }
        return store
    }

    func simulateOutage(of store: any FileStore) async throws {
        let forwarder = try #require(entry(for: store)?.forwarder, "the store was not made by this subject")
        forwarder.shutDown()
    }

    func tearDown(_ store: any FileStore) async throws {
        let made = try #require(entry(for: store), "the store was not made by this subject")
        made.forwarder.shutDown()
        try await server.deleteBucket(made.bucket)
    }

    private func entry(for store: any FileStore) -> (store: S3FileStore, bucket: String, forwarder: TCPForwarder)? {
        made.withLock { entries in entries.first { $0.store === (store as? S3FileStore) } }
    }
}
