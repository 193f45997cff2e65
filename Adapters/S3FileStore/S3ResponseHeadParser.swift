import Foundation

/// Collects the header lines libcurl hands over one at a time. A new status line starts a new block
/// (after `100 Continue`, for instance); the block is complete at its empty line.
struct S3ResponseHeadParser {
    private(set) var status = 0
    private(set) var headers: [String: String] = [:]
    /// The final (non-1xx) header block has ended.
    private(set) var isComplete = false

    mutating func feed(_ line: UnsafeRawBufferPointer) {
        let text = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if text.hasPrefix("HTTP/") {
            let fields = text.split(separator: " ", maxSplits: 2)
            status = fields.count > 1 ? Int(fields[1]) ?? 0 : 0
            headers = [:]
            isComplete = false
        } else if text.isEmpty {
            isComplete = status >= 200
        } else if let colon = text.firstIndex(of: ":") {
            let name = text[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            headers[name] = text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
    }

    func response(body: Data = Data()) -> S3Response { S3Response(status: status, headers: headers, body: body) }
}
