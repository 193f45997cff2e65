import Domain

/// What login and refresh answer: a short-lived access token, the rotating refresh token, and the user.
struct SessionResponse: Encodable, Sendable {
    let accessToken: String
    let tokenType = "Bearer"
    /// Seconds the access token stays valid.
    let expiresIn: Int
    let refreshToken: String
    let refreshExpiresAt: String
    let user: UserResponse
}

/// `GET /auth/me`: the user and their organization.
struct MeResponse: Encodable, Sendable {
    let user: UserResponse
    let organization: OrganizationResponse
}

struct OrganizationResponse: Encodable, Sendable {
    let id: String
    let slug: String
    let name: String

    init(_ organization: Organization) {
        id = organization.id.description
        slug = organization.slug
        name = organization.name
    }
}
