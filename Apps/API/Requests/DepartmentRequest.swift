import Domain

/// `POST /departments` and `PATCH /departments/{id}`.
struct DepartmentRequest: Decodable, Sendable {
    var name: String?
    var description: String?
    var tier: Int?
    var routingStrategy: String?
    var offlinePolicy: String?

    func input() throws(DomainError) -> DepartmentUseCases.Input {
        var reader = FieldReader()
        let strategy: RoutingStrategy? = reader.choice(routingStrategy, "routingStrategy")
        let policy: OfflinePolicy? = reader.choice(offlinePolicy, "offlinePolicy")
        try reader.check()
        return DepartmentUseCases.Input(name: name, description: description, tier: tier, routingStrategy: strategy, offlinePolicy: policy)
    }
}
