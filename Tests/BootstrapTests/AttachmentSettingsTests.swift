import Bootstrap
import Domain
import Testing

@Suite("Upload limits and the lifetime of pending uploads")
struct AttachmentSettingsTests {
    @Test func defaultsAreSection3s() throws {
        let parsed = try settings([:]).attachments
        #expect(parsed == AttachmentSettings(limits: .default, pendingLifetimeSeconds: 86_400))
    }

    @Test func limitsAreConfigurableUpToTheHardCap() throws {
        let parsed = try settings([
            "SWITCHBOARD_ATTACHMENT_IMAGE_MAX_BYTES": "1000",
            "SWITCHBOARD_ATTACHMENT_DOCUMENT_MAX_BYTES": "104857600",
            "SWITCHBOARD_ATTACHMENT_PENDING_SECONDS": "60",
        ]).attachments
        #expect(parsed == AttachmentSettings(limits: AttachmentLimits(imageBytes: 1000, documentBytes: 104_857_600), pendingLifetimeSeconds: 60))
    }

    @Test func badValuesAreRefusedOneLineEach() {
        #expect(problems([
            "SWITCHBOARD_ATTACHMENT_IMAGE_MAX_BYTES": "5MB",
            "SWITCHBOARD_ATTACHMENT_DOCUMENT_MAX_BYTES": "104857601",
            "SWITCHBOARD_ATTACHMENT_PENDING_SECONDS": "0",
        ]) == [
            "SWITCHBOARD_ATTACHMENT_IMAGE_MAX_BYTES: \"5MB\" is not a byte count from 1 to 104857600 (100 MB, the hard cap)",
            "SWITCHBOARD_ATTACHMENT_DOCUMENT_MAX_BYTES: \"104857601\" is not a byte count from 1 to 104857600 (100 MB, the hard cap)",
            "SWITCHBOARD_ATTACHMENT_PENDING_SECONDS: \"0\" is not a positive number of seconds",
        ])
    }
}
