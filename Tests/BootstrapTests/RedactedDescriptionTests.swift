import Bootstrap
import Testing

@Suite("The redacted description for `switchboard config check`")
struct RedactedDescriptionTests {
    @Test func defaults() throws {
        #expect(try settings([:]).redactedDescription == """
            SWITCHBOARD_DATA_DIR                       ./var  [default]
            SWITCHBOARD_DATABASE_URL                   sqlite:./var/switchboard.db  [default]
            SWITCHBOARD_FILES_URL                      file:./var/files  [default]
            SWITCHBOARD_NOTIFIER_URL                   stdout:  [default]
            SWITCHBOARD_HOST                           127.0.0.1  [default]
            SWITCHBOARD_PORT                           8080  [default]
            SWITCHBOARD_JWT_SECRET                     (generated and kept in ./var/jwt-secret)  [default]
            SWITCHBOARD_LOG_LEVEL                      info  [default]
            SWITCHBOARD_ASSIGNMENT_INTERVAL            2.0 s  [default]
            SWITCHBOARD_ATTACHMENT_IMAGE_MAX_BYTES     5242880  [default]
            SWITCHBOARD_ATTACHMENT_DOCUMENT_MAX_BYTES  26214400  [default]
            SWITCHBOARD_ATTACHMENT_PENDING_SECONDS     86400  [default]
            SWITCHBOARD_REALTIME_SEND_BUFFER           256  [default]
            SWITCHBOARD_REALTIME_MAX_MESSAGE_BYTES     4096  [default]
            SWITCHBOARD_REALTIME_HEARTBEAT_SECONDS     30  [default]
            SWITCHBOARD_REALTIME_IDLE_SECONDS          300  [default]
            SWITCHBOARD_REALTIME_CONNECTIONS_PER_USER  10  [default]
            """)
    }

    @Test func cloudSetupHidesEverySecret() throws {
        let path = "/etc/switchboard.env"
        let result = try settings(
            [
                "SWITCHBOARD_CONFIG_FILE": path,
                "SWITCHBOARD_DATABASE_URL": "postgres://switchboard:db-password-1@[::1]:5432/support",
                "SWITCHBOARD_FILES_URL": "s3://files?endpoint=http://127.0.0.1:9000",
                "SWITCHBOARD_S3_ACCESS_KEY": "access-key-2",
                "SWITCHBOARD_S3_SECRET_KEY": "secret-key-3",
                "SWITCHBOARD_NOTIFIER_URL": "smtp://mailer:smtp-password-4@smtp.example.com?from=support@example.com",
                "SWITCHBOARD_HOST": "0.0.0.0",
                "SWITCHBOARD_DATA_DIR": "/srv/sb",
            ],
            files: [path: "SWITCHBOARD_JWT_SECRET=jwt-secret-5-jwt-secret-5-jwt-secret-5\nSWITCHBOARD_LOG_LEVEL=warning\n"]
        )
        let description = result.redactedDescription
        #expect(description == """
            SWITCHBOARD_CONFIG_FILE                    /etc/switchboard.env  [environment]
            SWITCHBOARD_DATA_DIR                       /srv/sb  [environment]
            SWITCHBOARD_DATABASE_URL                   postgres://switchboard:***@[::1]:5432/support  [environment]
            SWITCHBOARD_FILES_URL                      s3://files?endpoint=http://127.0.0.1:9000&region=us-east-1  [environment]
            SWITCHBOARD_S3_ACCESS_KEY                  ***  [environment]
            SWITCHBOARD_S3_SECRET_KEY                  ***  [environment]
            SWITCHBOARD_NOTIFIER_URL                   smtp://mailer:***@smtp.example.com:587?tls=starttls&from=support@example.com  [environment]
            SWITCHBOARD_HOST                           0.0.0.0  [environment]
            SWITCHBOARD_PORT                           8080  [default]
            SWITCHBOARD_JWT_SECRET                     ***  [/etc/switchboard.env line 1]
            SWITCHBOARD_LOG_LEVEL                      warning  [/etc/switchboard.env line 2]
            SWITCHBOARD_ASSIGNMENT_INTERVAL            2.0 s  [default]
            SWITCHBOARD_ATTACHMENT_IMAGE_MAX_BYTES     5242880  [default]
            SWITCHBOARD_ATTACHMENT_DOCUMENT_MAX_BYTES  26214400  [default]
            SWITCHBOARD_ATTACHMENT_PENDING_SECONDS     86400  [default]
            SWITCHBOARD_REALTIME_SEND_BUFFER           256  [default]
            SWITCHBOARD_REALTIME_MAX_MESSAGE_BYTES     4096  [default]
            SWITCHBOARD_REALTIME_HEARTBEAT_SECONDS     30  [default]
            SWITCHBOARD_REALTIME_IDLE_SECONDS          300  [default]
            SWITCHBOARD_REALTIME_CONNECTIONS_PER_USER  10  [default]
            """)
        for secret in ["db-password-1", "access-key-2", "secret-key-3", "smtp-password-4", "jwt-secret-5"] {
            #expect(!description.contains(secret), "the description shows \(secret)")
            #expect(!String(describing: result).contains(secret), "String(describing:) shows \(secret)")
            #expect(!String(reflecting: result).contains(secret), "String(reflecting:) shows \(secret)")
            var dumped = ""
            dump(result, to: &dumped)
            #expect(!dumped.contains(secret), "dump shows \(secret)")
        }
    }

    @Test func secretPrintsRedacted() {
        let secret = Secret("hunter2")
        #expect("\(secret)" == "***")
        #expect(String(reflecting: secret) == "***")
        #expect(secret.value == "hunter2")
    }
}
