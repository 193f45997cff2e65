import Foundation

/// The OpenAPI 3.1 document of the HTTP API (`openapi.json` beside this file): the reference for
/// clients, served by the API at `/api/v1/openapi.json`, and checked by the API tests (every route is
/// documented; every response the tests see validates against it).
public enum OpenAPIDocument {
    /// The document's bytes, as shipped with the build.
    public static func data() throws -> Data {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json") else {
            throw CocoaError(.fileNoSuchFile)
        }
        return try Data(contentsOf: url)
    }
}
