/// Where a ticket came from.
public enum Channel: String, Sendable, Codable, CaseIterable {
    case web, email, chat, api, phone
}
