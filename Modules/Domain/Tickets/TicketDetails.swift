import Foundation

/// Who to reach about a ticket (may differ from the customer account, e.g. for phone tickets).
public struct Contact: Sendable, Equatable, Codable {
    public var name: String
    public var email: EmailAddress?
    public var phone: String?

    public init(name: String, email: EmailAddress? = nil, phone: String? = nil) {
        self.name = name
        self.email = email
        self.phone = phone
    }
}

/// A typed custom-field value (fields are defined per organization).
public enum CustomFieldValue: Sendable, Equatable, Codable {
    case text(String)
    case number(Double)
    case bool(Bool)
    case date(Date)
    case list([String])
}

/// A link to a record in another system (order, booking, transaction …).
public struct ExternalReference: Sendable, Equatable, Codable {
    public var kind: String
    public var value: String
    public var url: String?

    public init(kind: String, value: String, url: String? = nil) {
        self.kind = kind
        self.value = value
        self.url = url
    }
}

/// Answers given through a guided journey (§4), kept with the exact journey version.
public struct JourneyAnswers: Sendable, Equatable, Codable {
    public var journeyID: String
    public var journeyVersion: Int
    public var answers: [String: CustomFieldValue]

    public init(journeyID: String, journeyVersion: Int, answers: [String: CustomFieldValue]) {
        self.journeyID = journeyID
        self.journeyVersion = journeyVersion
        self.answers = answers
    }
}

/// How a ticket was resolved (§3).
public struct Resolution: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case solved, workaround, duplicate
        case cannotReproduce = "cannot_reproduce"
        case wontFix = "wont_fix"
        case other
    }

    public var kind: Kind
    public var summary: String
    public var notes: String?
    public var resolvedBy: UserID
    public var resolvedAt: Date

    public init(kind: Kind, summary: String, notes: String? = nil, resolvedBy: UserID, resolvedAt: Date) {
        self.kind = kind
        self.summary = summary
        self.notes = notes
        self.resolvedBy = resolvedBy
        self.resolvedAt = resolvedAt
    }
}

/// One step up the escalation ladder; a ticket keeps all of them.
public struct Escalation: Sendable, Equatable, Codable {
    public var level: Int
    public var toAgentID: UserID?
    public var toDepartmentID: DepartmentID?
    public var reason: String
    public var escalatedBy: UserID?
    public var at: Date

    public init(level: Int, toAgentID: UserID?, toDepartmentID: DepartmentID?, reason: String, escalatedBy: UserID?, at: Date) {
        self.level = level
        self.toAgentID = toAgentID
        self.toDepartmentID = toDepartmentID
        self.reason = reason
        self.escalatedBy = escalatedBy
        self.at = at
    }
}

/// The customer's verdict after resolution (§3 Customer feedback).
public struct CustomerRating: Sendable, Equatable, Codable {
    public var rating: Int
    public var feedback: String?
    public var nps: Int?
    public var resolvedIssue: Bool?
    public var agentRating: Int?
    public var responseTimeRating: Int?
    public var communicationRating: Int?
    public var ratedAt: Date

    public init(
        rating: Int, feedback: String? = nil, nps: Int? = nil, resolvedIssue: Bool? = nil, agentRating: Int? = nil,
        responseTimeRating: Int? = nil, communicationRating: Int? = nil, ratedAt: Date
    ) {
        self.rating = rating
        self.feedback = feedback
        self.nps = nps
        self.resolvedIssue = resolvedIssue
        self.agentRating = agentRating
        self.responseTimeRating = responseTimeRating
        self.communicationRating = communicationRating
        self.ratedAt = ratedAt
    }
}
