@testable import Bootstrap
import Domain
import Foundation
import S3FileStore
import Testing

/// How `SWITCHBOARD_FILES_URL` becomes a store, and how `config check` proves it usable.
@Suite("File store composition")
struct FileStoreRuntimeTests {
    private func s3(_ endpoint: String, bucket: String = "support-files") -> FileStoreSettings {
        .s3(S3Settings(location: S3Settings.Location(bucket: bucket, endpoint: URL(string: endpoint)!, region: "eu-west-3"),
                       accessKey: Secret("AKIAEXAMPLE"), secretKey: Secret("wJalrXUtnFEMI")))
    }

    @Test(arguments: [
        ("https://s3.eu-west-3.amazonaws.com", "support-files", "https://support-files.s3.eu-west-3.amazonaws.com/a/b.txt"),
        ("https://s3.eu-west-3.amazonaws.com", "support.files", "https://s3.eu-west-3.amazonaws.com/support.files/a/b.txt"),
        ("http://127.0.0.1:9000", "support-files", "http://127.0.0.1:9000/support-files/a/b.txt"),
        ("https://minio.example.com", "support-files", "https://minio.example.com/support-files/a/b.txt"),
    ])
    func s3SettingsBecomeAnS3Store(endpoint: String, bucket: String, objectURL: String) throws {
        let store = try #require(try Runtime.openFiles(s3(endpoint, bucket: bucket)) as? S3FileStore, "SWITCHBOARD_FILES_URL=s3://… opens an S3FileStore")
        #expect(store.url(of: try FileKey("a/b.txt")) == objectURL, "addressing for \(bucket) at \(endpoint)")
        #expect(store.configuration.accessKey == "AKIAEXAMPLE" && store.configuration.secretKey == "wJalrXUtnFEMI" && store.configuration.region == "eu-west-3")
    }

    @Test func checkFilesReportsAnUnreachableS3Server() async throws {
        // Port 9 (discard) is privileged and served by nothing on these machines: connecting is refused.
        do {
            let line = try await Runtime.checkFiles(s3("http://127.0.0.1:9"))
            Issue.record("config check of an unreachable S3 server succeeded: \(line)")
        } catch {
            #expect(error.key == .filesURL, "the failure names SWITCHBOARD_FILES_URL: \(error)")
            #expect(error.message.contains("cannot be reached"), "the failure says the server cannot be reached: \(error)")
        }
    }

    @Test func checkFilesWritesAndRemovesAProbeOnLocalDisk() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("FileStoreRuntimeTests-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let line = try await Runtime.checkFiles(.local(directory: folder.path))
        #expect(line.contains("reachable and writable"), "config check of a local folder: \(line)")
    }
}
