import Domain
import Foundation
import HTTPTypes
import Hummingbird

/// An RFC 9457 problem: what every error response of the API is, as `application/problem+json`.
struct Problem: Sendable, Equatable {
    var status: HTTPResponse.Status
    /// The last part of the `type` URI (`urn:switchboard:problem:<slug>`): stable, for clients to switch on.
    var slug: String
    var title: String
    var detail: String
    /// The offending fields, for validation and malformed-input problems.
    var errors: [FieldViolation] = []
    /// Extra members (RFC 9457 §3.2) such as `from`/`to` of an illegal transition.
    var extensions: ProblemExtensions = .init()
    var headers: HTTPFields = [:]
    /// Said in the log, never to the client (an outage's cause, for instance).
    var logNote: String?

    static let mediaType = "application/problem+json"

    var type: String { "urn:switchboard:problem:\(slug)" }

    /// The response, naming the request so that a client's report can be matched to the log.
    func response(requestID: String, instance: String) -> Response {
        let body = ProblemBody(
            type: type, title: title, status: Int(status.code), detail: detail, instance: instance, requestId: requestID,
            errors: errors.isEmpty ? nil : errors, from: extensions.from, to: extensions.to,
            allowed: extensions.allowed, currentVersion: extensions.currentVersion, retryAfter: extensions.retryAfter
        )
        var headers = self.headers
        headers[.contentType] = Self.mediaType
        let data = (try? JSONCoding.encoder.encode(body)) ?? Data(#"{"title":"error"}"#.utf8)
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}

/// The extension members problems may carry; absent ones are left out of the body.
struct ProblemExtensions: Sendable, Equatable {
    var from: String?
    var to: String?
    var allowed: [String]?
    var currentVersion: Int?
    var retryAfter: Int?
}

/// The wire form of a problem.
private struct ProblemBody: Encodable {
    let type: String
    let title: String
    let status: Int
    let detail: String
    let instance: String
    let requestId: String
    let errors: [FieldViolation]?
    let from: String?
    let to: String?
    let allowed: [String]?
    let currentVersion: Int?
    let retryAfter: Int?
}

/// An error the API knows how to present as a problem.
protocol ProblemConvertible: Error {
    var problem: Problem { get }
}
