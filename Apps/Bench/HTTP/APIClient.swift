import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// The few calls the scenarios make against a running `switchboard-api`, over one shared HTTP client.
struct APIClient: Sendable {
    let http: HTTPClient
    let baseURL: String

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Signs in and returns the access token.
    func login(email: String, password: String, organization: String) async throws -> String {
        let body = try await send(.POST, "/api/v1/auth/login", token: nil, json: ["email": email, "password": password, "organization": organization])
        guard let token = body["accessToken"] as? String else { throw Failure(description: "login of \(email) returned no accessToken") }
        return token
    }

    /// Sends a request; any status outside 2xx throws. Returns the JSON object of the body (empty when none).
    @discardableResult
    func send(_ method: HTTPMethod, _ path: String, token: String?, json: [String: Any]? = nil) async throws -> [String: Any] {
        let bytes = try await exchange(method, path, token: token, json: json)
        guard bytes.readableBytes > 0 else { return [:] }
        return (try JSONSerialization.jsonObject(with: Data(bytes.readableBytesView)) as? [String: Any]) ?? [:]
    }

    /// Sends a request whose answer the caller does not use: any status outside 2xx throws, the body is read
    /// to its end and not parsed. The read and list scenarios use it, so that the load generator, which shares
    /// the machine with the server, spends no CPU parsing JSON it throws away (as wrk would not).
    func fetch(_ method: HTTPMethod, _ path: String, token: String?) async throws {
        _ = try await exchange(method, path, token: token, json: nil)
    }

    private func exchange(_ method: HTTPMethod, _ path: String, token: String?, json: [String: Any]?) async throws -> ByteBuffer {
        var request = HTTPClientRequest(url: baseURL + path)
        request.method = method
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        if let json {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: json)))
        }
        let response = try await http.execute(request, deadline: .now() + .seconds(30))
        let bytes = try await response.body.collect(upTo: 16 * 1024 * 1024)
        guard (200..<300).contains(Int(response.status.code)) else {
            throw Failure(description: "\(method) \(path): HTTP \(response.status.code)")
        }
        return bytes
    }
}
