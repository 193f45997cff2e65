import Domain
import Testing

extension FileStoreContract {
    /// An outage is reported as `FileStoreError.unavailable`, never as a missing object.
    static let outageCases: [FileStoreContractCase] = [
        FileStoreContractCase("every operation of an unavailable store throws FileStoreError.unavailable", requires: [.outage]) { store, subject in
            let existing = try FileKey("present/file.txt")
            let missing = try FileKey("absent/file.txt")
            try await store.put(existing, contentType: "text/plain", body: ContractBytes(seed: 500, count: 1_000).stream())
            try await subject.simulateOutage(of: store)

            await expectUnavailable("head(\(existing))") { try await store.head(existing) }
            await expectUnavailable("head(\(missing))") { try await store.head(missing) }
            await expectUnavailable("get(\(existing))") { try await store.get(existing).map { "\($0.0)" } }
            await expectUnavailable("get(\(missing))") { try await store.get(missing).map { "\($0.0)" } }
            await expectUnavailable("put(\(missing))") {
                try await store.put(missing, contentType: "text/plain", body: ContractBytes(seed: 501, count: 10).stream())
            }
            await expectUnavailable("delete(\(existing))") { try await store.delete(existing) }
            await expectUnavailable("delete(\(missing))") { try await store.delete(missing) }
        },
    ]
}
