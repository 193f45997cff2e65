@testable import API
import Foundation
import Hummingbird
import OpenAPIDocument
import Testing

/// The OpenAPI document and the router agree: every registered route is documented and every
/// documented operation is served. (That responses match it is checked on every call of every test.)
@Suite struct OpenAPIContractTests {
    @Test func everyRouteIsDocumentedAndEveryDocumentedOperationServed() async throws {
        let fixture = try await Fixture.make()
        let router = try await buildRouter(runtime: fixture.runtime, signingSecret: Fixture.signingSecret)
        let registered = Set(router.routes.map { "\($0.method.rawValue) \($0.path.description.hasPrefix("/") ? "" : "/")\($0.path)" })
        let documented = try OpenAPIValidator(data: OpenAPIDocument.data()).operations
        #expect(registered.count > 25, "\(registered.sorted())")
        #expect(registered.subtracting(documented).isEmpty, "registered but not documented: \(registered.subtracting(documented).sorted())")
        #expect(documented.subtracting(registered).isEmpty, "documented but not served: \(documented.subtracting(registered).sorted())")
    }

    @Test func theDocumentIsOpenAPI31WithResolvableReferences() throws {
        let data = try OpenAPIDocument.data()
        let document = try JSON(data: data)
        #expect(document["openapi"].string == "3.1.0")
        var references: [String] = []
        func collect(_ node: JSON) {
            switch node {
            case .object(let members):
                if let reference = members["$ref"]?.string { references.append(reference) }
                members.values.forEach(collect)
            case .array(let items): items.forEach(collect)
            default: break
            }
        }
        collect(document)
        #expect(!references.isEmpty)
        for reference in Set(references) {
            var target = document
            for part in reference.dropFirst(2).split(separator: "/") { target = target[String(part)] }
            #expect(target.exists, "unresolvable \(reference)")
        }
        // Every operation documents its errors as problem+json.
        for (path, item) in document["paths"].objectMembers {
            for (method, operation) in item.objectMembers {
                #expect(operation["responses"]["500"].exists, "\(method) \(path) documents no 500")
            }
        }
    }
}

private extension JSON {
    var objectMembers: [(String, JSON)] {
        if case .object(let members) = self { members.sorted { $0.key < $1.key } } else { [] }
    }
}
