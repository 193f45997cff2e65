import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// How the API writes JSON: response types carry times as `WireTime` strings already, so the encoder
/// needs no date strategy.
enum JSONCoding {
    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return encoder
    }

    /// A JSON response with `status` and extra `headers`.
    static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) throws -> Response {
        let data = try DirectJSONEncoder().encode(value)
        var headers = headers
        headers[.contentType] = "application/json"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// `204 No Content`.
    static func noContent() -> Response { Response(status: .noContent) }
}
