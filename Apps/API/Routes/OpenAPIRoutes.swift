import Foundation
import Hummingbird
import NIOCore

/// Serves the OpenAPI document (`Contracts/OpenAPI/openapi.json`) as the API's own description.
struct OpenAPIRoutes: Sendable {
    let document: Data

    func register(on group: RouterGroup<APIRequestContext>) {
        group.get("openapi.json") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: ByteBuffer(bytes: document)))
        }
    }
}
