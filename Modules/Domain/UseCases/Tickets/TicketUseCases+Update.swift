/// A partial update of a ticket's descriptive fields (`PATCH`): `nil` leaves a field as it is.
public struct TicketPatch: Sendable, Equatable {
    public var subject: String?
    public var description: String?
    public var category: String?
    public var tags: [String]?
    public var customFields: [String: CustomFieldValue]?
    public var references: [ExternalReference]?
    public var departmentID: DepartmentID?
    public var language: String?
    public var requiredSkills: Set<String>?
    public var tier: Int?

    public init(
        subject: String? = nil, description: String? = nil, category: String? = nil, tags: [String]? = nil,
        customFields: [String: CustomFieldValue]? = nil, references: [ExternalReference]? = nil,
        departmentID: DepartmentID? = nil, language: String? = nil, requiredSkills: Set<String>? = nil, tier: Int? = nil
    ) {
        self.subject = subject
        self.description = description
        self.category = category
        self.tags = tags
        self.customFields = customFields
        self.references = references
        self.departmentID = departmentID
        self.language = language
        self.requiredSkills = requiredSkills
        self.tier = tier
    }
}

extension TicketUseCases {
    /// Updates descriptive fields (staff), recording each changed field in one audit event.
    public func update(_ id: TicketID, _ patch: TicketPatch, actor: Actor, expectedVersion: Int? = nil) async throws(DomainError) -> Ticket {
        let org = actor.organizationID
        let organization = try await deps.read { try await $0.organization(id: org) }
        guard let organization else { throw .notFound(entity: "organization") }
        var v = Validator()
        let subject = patch.subject.flatMap { v.text($0, field: "subject", max: Limits.subject) }
        let description = patch.description.flatMap { v.text($0, field: "description", max: Message.maximumBodyBytes) }
        if let d = patch.description, d.utf8.count > Message.maximumBodyBytes { v.fail("description", "must be at most 50 KB") }
        if let category = patch.category, !organization.settings.categories.contains(category) {
            v.fail("category", "must be one of \(organization.settings.categories.joined(separator: ", "))")
        }
        let tags = patch.tags.map(Ticket.normalizedTags)
        if let tags, tags.count > Limits.tags || tags.contains(where: { $0.count > Limits.tag }) {
            v.fail("tags", "at most \(Limits.tags) tags of at most \(Limits.tag) characters")
        }
        if let fields = patch.customFields, fields.count > Limits.customFields { v.fail("customFields", "at most \(Limits.customFields) fields") }
        if let refs = patch.references, refs.count > Limits.references { v.fail("references", "at most \(Limits.references) references") }
        v.range(patch.tier, field: "tier", Limits.tiers)
        try v.check()
        if let departmentID = patch.departmentID {
            let department = try await deps.read { try await $0.department(id: departmentID, in: org) }
            guard department != nil else { throw .invalid("departmentId", "no such department") }
        }
        return try await mutate(id, actor: actor, action: .updateFields, expectedVersion: expectedVersion) { (m: inout TicketMutation) throws(DomainError) in
            var changes: [FieldChange] = []
            func set<V: Equatable>(_ field: String, _ keyPath: WritableKeyPath<Ticket, V>, _ value: V?, _ text: (V) -> String?) {
                guard let value, m.ticket[keyPath: keyPath] != value else { return }
                changes.append(FieldChange(field: field, before: text(m.ticket[keyPath: keyPath]), after: text(value)))
                m.ticket[keyPath: keyPath] = value
            }
            set("subject", \.subject, subject) { $0 }
            set("description", \.description, description) { _ in nil }
            set("category", \.category, patch.category) { $0 }
            set("tags", \.tags, tags) { $0.joined(separator: ",") }
            set("customFields", \.customFields, patch.customFields) { _ in nil }
            set("references", \.references, patch.references) { $0.map { "\($0.kind):\($0.value)" }.joined(separator: ",") }
            set("departmentId", \.departmentID, patch.departmentID.map { Optional($0) }) { $0?.description }
            set("language", \.language, patch.language.map { Optional($0) }) { $0 }
            set("requiredSkills", \.requiredSkills, patch.requiredSkills) { $0.sorted().joined(separator: ",") }
            set("tier", \.tier, patch.tier) { String($0) }
            if !changes.isEmpty { m.audit(.updated, changes) }
        }
    }
}
