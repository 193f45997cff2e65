import Domain
import Testing

extension FileStoreContract {
    /// Keys are opaque: nested, case-sensitive, up to 512 characters; anything hostile never becomes a key.
    static let keyCases: [FileStoreContractCase] = [
        FileStoreContractCase("keys with nested segments coexist with their prefixes") { store, _ in
            let keys = ["a", "a/b", "a/b/c.txt", "a.b/c", "a-b_c.d/e", "a/b/c.txt.bak", "0/1/2/3/4/5/6/7/8/9"]
            for (index, raw) in keys.enumerated() {
                try await store.put(FileKey(raw), contentType: "text/plain", body: ContractBytes(seed: 50 + UInt64(index), count: 1_000 + index).stream())
            }
            for (index, raw) in keys.enumerated() {
                try await expectStored(store, FileKey(raw), content: ContractBytes(seed: 50 + UInt64(index), count: 1_000 + index),
                                       contentType: "text/plain", after: "put of all of \(keys)")
            }
        },

        FileStoreContractCase("keys differing only in case are different objects") { store, _ in
            let keys = ["Report.PDF", "report.pdf", "REPORT.pdf", "Dir/x", "dir/x"]
            for (index, raw) in keys.enumerated() {
                try await store.put(FileKey(raw), contentType: "application/pdf", body: ContractBytes(seed: 60 + UInt64(index), count: 500 + index).stream())
            }
            for (index, raw) in keys.enumerated() {
                try await expectStored(store, FileKey(raw), content: ContractBytes(seed: 60 + UInt64(index), count: 500 + index),
                                       contentType: "application/pdf", after: "put of all of \(keys)")
            }
        },

        FileStoreContractCase("keys of the maximum length (512 characters) work") { store, _ in
            let oneSegment = String(repeating: "Ab9._-", count: 86).prefix(512)
            let manySegments = String(repeating: "a/", count: 255) + "ab"
            let longSegments = String(repeating: "x", count: 300) + "/" + String(repeating: "Y", count: 211)
            for (index, raw) in [String(oneSegment), manySegments, longSegments].enumerated() {
                #expect(raw.count == 512, "fixture key #\(index) should be 512 characters, is \(raw.count)")
                let key = try FileKey(raw)
                let content = ContractBytes(seed: 70 + UInt64(index), count: 2_000)
                try await store.put(key, contentType: "text/plain", body: content.stream())
                try await expectStored(store, key, content: content, contentType: "text/plain", after: "put of a 512-character key (#\(index))")
                try await store.delete(key)
                try await expectMissing(store, key, after: "delete of a 512-character key (#\(index))")
            }
        },

        FileStoreContractCase("hostile keys are refused by FileKey before any store sees them") { _, _ in
            let hostile: [(String, String)] = [
                ("empty", ""),
                ("dot", "."),
                ("dot-dot", ".."),
                ("parent escape", "../x"),
                ("inner parent", "a/../../b"),
                ("current dir", "./a"),
                ("absolute", "/abs"),
                ("double slash", "a//b"),
                ("trailing slash", "a/"),
                ("NUL", "a\u{0}b"),
                ("backslash", "a\\b"),
                ("backslash escape", "..\\x"),
                ("space", "a b"),
                ("non-ASCII", "ré.txt"),
                ("tilde", "~/x"),
                ("colon", "c:x"),
                ("percent-encoded dots", "%2e%2e/x"),
                ("513 characters", String(repeating: "k", count: 513)),
            ]
            for (label, raw) in hostile {
                do throws(DomainError) {
                    let key = try FileKey(raw)
                    Issue.record("FileKey(\(label)) accepted \(key.value.debugDescription)")
                } catch {
                    guard case .validation(let violations) = error, violations.contains(where: { $0.field == "key" }) else {
                        Issue.record("FileKey(\(label)) threw \(error), not a validation error of the field 'key'")
                        continue
                    }
                }
            }
        },
    ]
}
