import Foundation

/// The headers of one part of a `multipart/form-data` body: its field name and, for a file, its filename.
struct MultipartPart: Sendable, Equatable {
    /// The form field (`name` parameter of `Content-Disposition`).
    let name: String?
    /// The client's filename (`filename*` per RFC 5987 when given, else `filename`), unsanitised.
    let filename: String?
    /// What the client claims; never trusted (the type comes from the content).
    let contentType: String?

    init(name: String?, filename: String?, contentType: String?) {
        self.name = name
        self.filename = filename
        self.contentType = contentType
    }

    /// Parses a part's header block (lines separated by CRLF).
    init(headerBlock: String) {
        var name: String?
        var filename: String?
        var extendedFilename: String?
        var contentType: String?
        for line in headerBlock.components(separatedBy: "\r\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let field = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
            switch field {
            case "content-disposition":
                let parameters = HeaderParameters.parse(value)
                name = parameters["name"]
                filename = parameters["filename"]
                extendedFilename = parameters["filename*"].flatMap(HeaderParameters.decodeExtended)
            case "content-type":
                contentType = value
            default:
                continue
            }
        }
        self.init(name: name, filename: extendedFilename ?? filename, contentType: contentType)
    }
}

/// `key=value; key="quoted \"value\""` parameters of a header (RFC 9110 §5.6.6), keys lower-cased.
enum HeaderParameters {
    static func parse(_ value: String) -> [String: String] {
        var result: [String: String] = [:]
        var scalars = Substring(value)
        // The first item is the disposition type or media type itself.
        if let semicolon = scalars.firstIndex(of: ";") { scalars = scalars[scalars.index(after: semicolon)...] } else { return result }
        while !scalars.isEmpty {
            scalars = scalars.drop { $0 == " " || $0 == "\t" || $0 == ";" }
            guard let equals = scalars.firstIndex(of: "=") else { break }
            let key = scalars[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            scalars = scalars[scalars.index(after: equals)...].drop { $0 == " " }
            var parsed = ""
            if scalars.first == "\"" {
                scalars = scalars.dropFirst()
                var escaped = false
                while let c = scalars.first {
                    scalars = scalars.dropFirst()
                    if escaped { parsed.append(c); escaped = false } else if c == "\\" { escaped = true } else if c == "\"" { break } else { parsed.append(c) }
                }
                if let semicolon = scalars.firstIndex(of: ";") { scalars = scalars[semicolon...] } else { scalars = "" }
            } else {
                let end = scalars.firstIndex(of: ";") ?? scalars.endIndex
                parsed = scalars[..<end].trimmingCharacters(in: .whitespaces)
                scalars = scalars[end...]
            }
            if !key.isEmpty, result[key] == nil { result[key] = parsed }
        }
        return result
    }

    /// `UTF-8''na%C3%AFve.png` (RFC 8187) → `naïve.png`; `nil` for another charset or bad encoding.
    static func decodeExtended(_ value: String) -> String? {
        let pieces = value.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
        guard pieces.count == 3, pieces[0].lowercased() == "utf-8" else { return nil }
        return String(pieces[2]).removingPercentEncoding
    }

    /// The `boundary` of a `multipart/form-data` content type, or `nil` when it is another type or has none.
    static func formDataBoundary(_ contentType: String?) -> String? {
        guard let contentType,
            contentType.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased() == "multipart/form-data",
            let boundary = parse(contentType)["boundary"], (1...70).contains(boundary.utf8.count)
        else { return nil }
        return boundary
    }
}
