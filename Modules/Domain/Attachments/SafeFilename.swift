/// Makes a client's filename harmless for display and for `Content-Disposition` (RFC 6266):
/// no path, no control characters, no quotes or separators that could break a header, no leading dots,
/// at most 120 characters; an empty result becomes `file`. Non-ASCII letters are kept (sent as `filename*`).
public enum SafeFilename {
    public static let maximumLength = 120

    public static func make(_ raw: String) -> String {
        // Only the last path component: "../../etc/passwd" and "C:\evil\x.png" lose their directories.
        let lastComponent = raw.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        var scalars = String.UnicodeScalarView()
        for scalar in lastComponent.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .privateUse, .unassigned:
                continue // CR/LF (header injection), bidi overrides (spoofed extensions) and the like.
            default:
                break
            }
            switch scalar {
            case "\"", "'", ";", ":", "*", "?", "<", ">", "|", "%", "`", "$": scalars.append("_")
            default: scalars.append(scalar)
            }
        }
        var name = String(scalars).trimming(" .")
        if name.count > maximumLength {
            // Keep the extension: "very-long…name.png" stays a png name.
            let ext = name.split(separator: ".").count > 1 ? "." + name.split(separator: ".").last! : ""
            name = String(name.prefix(maximumLength - ext.count)) + (ext.count < maximumLength ? ext : "")
        }
        return name.isEmpty ? "file" : name
    }
}

extension String {
    fileprivate func trimming(_ set: String) -> String {
        let unwanted = Set(set)
        var slice = Substring(self)
        while let first = slice.first, unwanted.contains(first) { slice.removeFirst() }
        while let last = slice.last, unwanted.contains(last) { slice.removeLast() }
        return String(slice)
    }
}
