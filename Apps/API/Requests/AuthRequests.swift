/// `POST /auth/register`. Fields are optional here so that the use case names every missing one (422).
struct RegisterRequest: Decodable, Sendable {
    var email: String?
    var password: String?
    var name: String?
    var phone: String?
    /// Slug of the organization; may be left out on an install with one organization.
    var organization: String?
}

/// `POST /auth/login`.
struct LoginRequest: Decodable, Sendable {
    var email: String
    var password: String
    var organization: String?
}

/// `POST /auth/refresh` and `POST /auth/logout`.
struct RefreshTokenRequest: Decodable, Sendable {
    var refreshToken: String
}
