/// Operator-level management of tenants (CLI, seeding); not reachable by organization users.
public struct OrganizationUseCases: Sendable {
    let deps: Dependencies

    public init(_ deps: Dependencies) { self.deps = deps }

    /// Creates an organization with a unique slug of lower-case letters, digits and dashes.
    public func create(slug: String, name: String, settings: OrganizationSettings = .init()) async throws(DomainError) -> Organization {
        var v = Validator()
        let slug = v.text(slug, field: "slug", max: 63)?.lowercased()
        let name = v.text(name, field: "name", max: Limits.name)
        if let slug, !slug.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }) {
            v.fail("slug", "may only contain lower-case letters, digits and '-'")
        }
        try v.check()
        let organization = Organization(id: deps.ids.make(), slug: slug!, name: name!, settings: settings, createdAt: deps.clock.now())
        _ = try await deps.commit(UnitOfWork([.insertOrganization(organization)]))
        return organization
    }

    public func organization(slug: String) async throws(DomainError) -> Organization {
        let found = try await deps.read { try await $0.organization(slug: slug.lowercased()) }
        guard let found else { throw .notFound(entity: "organization") }
        return found
    }

    public func organization(id: OrganizationID) async throws(DomainError) -> Organization {
        let found = try await deps.read { try await $0.organization(id: id) }
        guard let found else { throw .notFound(entity: "organization") }
        return found
    }

    /// The organization a sign-up names by slug, or the only one when the install hosts just one
    /// (a single-company install need not know its slug). Problems are reported on `organization`
    /// without listing the tenants, which must not learn of each other.
    public func named(_ slug: String?) async throws(DomainError) -> Organization {
        if let slug {
            let found = try await deps.read { try await $0.organization(slug: slug.lowercased()) }
            guard let found else { throw .invalid("organization", "no such organization") }
            return found
        }
        let all = try await all()
        guard all.count == 1 else {
            throw .invalid("organization", all.isEmpty ? "no organization exists yet" : "is required on this install")
        }
        return all[0]
    }

    public func all() async throws(DomainError) -> [Organization] {
        try await deps.read { try await $0.organizations() }
    }
}
