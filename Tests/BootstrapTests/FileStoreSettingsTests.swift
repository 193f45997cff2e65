import Bootstrap
import Foundation
import Testing

@Suite("SWITCHBOARD_FILES_URL and the S3 keys")
struct FileStoreSettingsTests {
    private let keys = ["SWITCHBOARD_S3_ACCESS_KEY": "AKIAEXAMPLE", "SWITCHBOARD_S3_SECRET_KEY": "wJalrXUtnFEMI/K7MDENG"]

    @Test(arguments: [
        ("file:///srv/files", "/srv/files"),
        ("file:uploads", "uploads"),
        ("file:./var/uploads/", "./var/uploads/"),
    ])
    func localForms(url: String, directory: String) throws {
        #expect(try settings(["SWITCHBOARD_FILES_URL": url]).files == .local(directory: directory), "\(url)")
    }

    @Test func s3WithEndpointAndRegion() throws {
        let result = try settings(keys.merging(["SWITCHBOARD_FILES_URL": "s3://support-files?endpoint=http://127.0.0.1:9000&region=eu-west-3"]) { $1 })
        let location = S3Settings.Location(bucket: "support-files", endpoint: URL(string: "http://127.0.0.1:9000")!, region: "eu-west-3")
        #expect(result.files == .s3(S3Settings(location: location, accessKey: Secret("AKIAEXAMPLE"), secretKey: Secret("wJalrXUtnFEMI/K7MDENG"))))
    }

    @Test(arguments: [
        ("s3://bucket", "https://s3.us-east-1.amazonaws.com", "us-east-1"),
        ("s3://bucket/", "https://s3.us-east-1.amazonaws.com", "us-east-1"),
        ("s3://my.bucket-2?region=eu-central-1", "https://s3.eu-central-1.amazonaws.com", "eu-central-1"),
        ("s3://bucket?endpoint=https://minio.example.com", "https://minio.example.com", "us-east-1"),
        ("s3://bucket?endpoint=http://[::1]:9000/", "http://[::1]:9000", "us-east-1"),
        ("s3://bucket?region=auto&endpoint=http%3A%2F%2Fminio%3A9000", "http://minio:9000", "auto"),
    ])
    func s3Defaults(url: String, endpoint: String, region: String) throws {
        let result = try settings(keys.merging(["SWITCHBOARD_FILES_URL": url]) { $1 })
        guard case let .s3(s3) = result.files else {
            Issue.record("\(url) gave \(result.files)")
            return
        }
        #expect(s3.location.endpoint.absoluteString == endpoint, "\(url)")
        #expect(s3.location.region == region, "\(url)")
    }

    @Test(arguments: [
        Rejection("ftp://host/files", "unsupported scheme \"ftp\" (expected file:// or s3://)"),
        Rejection("/srv/files", "not a URL (expected file:///absolute/folder, file:relative/folder or s3://bucket?endpoint=http://host:port&region=name)"),
        Rejection("file://server/share", "file: URLs take no host (\"server\"): write file:///absolute/folder or file:relative/folder"),
        Rejection("file:", "missing the files folder path"),
        Rejection("file:///srv?x=1", "unsupported parameter \"x\" (this URL takes no parameters)"),
        Rejection("s3://", "missing the bucket name (s3://BUCKET?endpoint=http://host:port&region=name)"),
        Rejection("s3:bucket", "missing the bucket name (s3://BUCKET?endpoint=http://host:port&region=name)"),
        Rejection("s3://key:secret@bucket", "keys do not belong in the URL: set SWITCHBOARD_S3_ACCESS_KEY and SWITCHBOARD_S3_SECRET_KEY"),
        Rejection("s3://bucket:9000", "a bucket has no port: give the server in ?endpoint=http://host:port"),
        Rejection("s3://bucket/prefix", "unexpected path \"/prefix\" after the bucket name"),
        Rejection("s3://Bucket_Name", "\"Bucket_Name\" is not a valid bucket name (3–63 lower-case letters, digits, dots and hyphens, starting and ending with a letter or digit)"),
        Rejection("s3://ab", "\"ab\" is not a valid bucket name (3–63 lower-case letters, digits, dots and hyphens, starting and ending with a letter or digit)"),
        Rejection("s3://bucket-", "\"bucket-\" is not a valid bucket name (3–63 lower-case letters, digits, dots and hyphens, starting and ending with a letter or digit)"),
        Rejection("s3://bucket?endpoint=minio:9000", "endpoint \"minio:9000\" is not an http:// or https:// URL of a server (e.g. http://127.0.0.1:9000)"),
        Rejection("s3://bucket?endpoint=http://h:9000/path", "endpoint \"http://h:9000/path\" is not an http:// or https:// URL of a server (e.g. http://127.0.0.1:9000)"),
        Rejection("s3://bucket?endpoint=http://h:99999", "endpoint port \"99999\" is not a port number (expected 1–65535)"),
        Rejection("s3://bucket?endpoint=http://bad host", "endpoint \"bad host\" is not a host name or IP address"),
        Rejection("s3://bucket?region=EU West", "region \"EU West\" is not a region name (lower-case letters, digits and hyphens, e.g. us-east-1)"),
        Rejection("s3://bucket?regoin=eu-west-1", "unsupported parameter \"regoin\" (expected \"endpoint\" or \"region\")"),
        Rejection("s3://bucket?region=a&region=b", "parameter \"region\" is given twice"),
    ])
    func rejected(_ rejection: Rejection) {
        #expect(problems(keys.merging(["SWITCHBOARD_FILES_URL": rejection.value]) { $1 }) == ["SWITCHBOARD_FILES_URL: \(rejection.message)"])
    }

    @Test func s3NeedsBothKeys() {
        #expect(problems(["SWITCHBOARD_FILES_URL": "s3://bucket"]) == [
            "SWITCHBOARD_S3_ACCESS_KEY: required when SWITCHBOARD_FILES_URL is an s3:// URL",
            "SWITCHBOARD_S3_SECRET_KEY: required when SWITCHBOARD_FILES_URL is an s3:// URL",
        ])
        #expect(problems(["SWITCHBOARD_FILES_URL": "s3://bucket", "SWITCHBOARD_S3_ACCESS_KEY": "a"]) == [
            "SWITCHBOARD_S3_SECRET_KEY: required when SWITCHBOARD_FILES_URL is an s3:// URL",
        ])
    }

    @Test func keysWithoutS3AreRefused() {
        #expect(problems(keys) == [
            "SWITCHBOARD_S3_ACCESS_KEY: set, but SWITCHBOARD_FILES_URL is not an s3:// URL (nothing would read it)",
            "SWITCHBOARD_S3_SECRET_KEY: set, but SWITCHBOARD_FILES_URL is not an s3:// URL (nothing would read it)",
        ])
        #expect(problems(keys.merging(["SWITCHBOARD_FILES_URL": "file:///srv"]) { $1 }).count == 2)
    }

    @Test func aBadFilesURLDoesNotAlsoBlameTheKeys() {
        #expect(problems(keys.merging(["SWITCHBOARD_FILES_URL": "s4://bucket"]) { $1 }) == [
            "SWITCHBOARD_FILES_URL: unsupported scheme \"s4\" (expected file:// or s3://)",
        ])
    }
}
