import Domain
import Foundation

/// One S3 multipart upload of an object: created, fed part by part, then completed (the object
/// appears atomically, whole) or aborted (nothing appears, the parts are dropped).
struct MultipartUpload: Sendable {
    /// S3 allows at most this many parts per upload.
    static let maximumParts = 10_000

    struct CompletedPart: Sendable {
        let number: Int
        let etag: String
    }

    let client: S3Client
    let key: FileKey
    let uploadID: String

    /// CreateMultipartUpload, with the object's content type. Retried: a lost answer at worst leaves
    /// an unused upload behind, which the server drops with the bucket's incomplete-upload rules.
    static func create(_ client: S3Client, key: FileKey, contentType: String) async throws -> MultipartUpload {
        let request = S3Request(
            method: .post, url: client.addressing.objectURL(key, query: [("uploads", "")]),
            headers: [("Content-Type", contentType)], body: Data(), operation: "put(\(key)): starting a multipart upload"
        )
        let response = try await client.sendExpectingSuccess(request)
        guard let uploadID = S3XML.text(of: "UploadId", in: response.body), !uploadID.isEmpty else {
            throw S3Failure(unavailable: "\(request.operation): \(client.target) answered without an UploadId")
        }
        return MultipartUpload(client: client, key: key, uploadID: uploadID)
    }

    /// UploadPart: the part is in memory, so it can be sent again after a transient failure.
    func upload(part number: Int, _ data: Data) async throws -> CompletedPart {
        guard number <= Self.maximumParts else {
            throw S3Failure(unavailable: "put(\(key)): the object needs more than \(Self.maximumParts) parts of \(client.configuration.partSize) bytes")
        }
        let request = S3Request(
            method: .put, url: url(("partNumber", String(number))), body: data, operation: "put(\(key)): uploading part \(number)"
        )
        let response = try await client.sendExpectingSuccess(request)
        guard let etag = response.header("ETag"), !etag.isEmpty else {
            throw S3Failure(unavailable: "\(request.operation): \(client.target) answered without an ETag")
        }
        return CompletedPart(number: number, etag: etag)
    }

    /// CompleteMultipartUpload: the object becomes visible, whole, at once.
    func complete(_ parts: [CompletedPart]) async throws {
        let list = parts.sorted { $0.number < $1.number }.map {
            "<Part><PartNumber>\($0.number)</PartNumber><ETag>\(S3XML.escape($0.etag))</ETag></Part>"
        }
        let document = "<CompleteMultipartUpload>\(list.joined())</CompleteMultipartUpload>"
        let request = S3Request(
            method: .post, url: url(), headers: [("Content-Type", "application/xml")], body: Data(document.utf8),
            operation: "put(\(key)): completing the multipart upload"
        )
        // Sent again only if it never arrived: if an answer was lost after the server completed the
        // upload, a second attempt would fail with NoSuchUpload and misreport a stored object.
        _ = try await client.sendExpectingSuccess(request, retry: .whenNotSent)
    }

    /// AbortMultipartUpload, best effort: runs to its end even when the calling task is cancelled
    /// (this is the clean-up of a cancelled or failed put), and its own failure is not reported
    /// (the put's error matters more; the server expires abandoned uploads anyway).
    func abort() async {
        let request = S3Request(method: .delete, url: url(), operation: "put(\(key)): aborting the multipart upload")
        let client = client
        _ = await Task { try? await client.sendExpectingSuccess(request) }.value
    }

    private func url(_ extra: (String, String)...) -> String {
        client.addressing.objectURL(key, query: [("uploadId", uploadID)] + extra)
    }
}
