import Foundation

/// The status line, headers and (for non-streamed responses) the body of an answer.
struct S3Response: Sendable {
    var status: Int
    /// Header names in lower case; a repeated header keeps its last value.
    var headers: [String: String]
    var body: Data

    func header(_ name: String) -> String? { headers[name.lowercased()] }

    var isSuccess: Bool { (200..<300).contains(status) }
}
