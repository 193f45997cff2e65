/// The sentences generated tickets are made of: varied enough that lists, filters and full-text search
/// see a realistic spread of words, categories and tags.
extension BulkSeed {
    struct Topic {
        let subject: String
        let description: String
    }

    static let categories = OrganizationSettings.standardCategories

    static let tags = ["vip", "refund", "mobile", "login", "outage", "invoice", "follow-up", "feedback", "android", "ios", "enterprise", "newsletter"]

    static let topics: [String: [Topic]] = [
        "account": [
            Topic(subject: "Cannot log in after password reset", description: "I reset my password twice but the login page still says the credentials are wrong."),
            Topic(subject: "Please delete my old account", description: "I opened a second account by mistake and would like the older one removed."),
            Topic(subject: "Two-factor codes are not accepted", description: "The authenticator app codes are rejected every time since I changed my phone."),
        ],
        "booking": [
            Topic(subject: "Change the date of my booking", description: "Could you move my reservation to the following weekend? Same room if possible."),
            Topic(subject: "Booking confirmation never arrived", description: "I paid for the booking yesterday but did not receive a confirmation email."),
        ],
        "payment": [
            Topic(subject: "Charged twice for one order", description: "My bank statement shows two identical payments for the same order."),
            Topic(subject: "Card declined at checkout", description: "My card works everywhere else but your checkout declines it with no reason."),
        ],
        "technical": [
            Topic(subject: "App crashes when opening the dashboard", description: "Since the last update the mobile app closes as soon as I open the dashboard."),
            Topic(subject: "Export to CSV is empty", description: "The exported file only contains the header line, no data rows at all."),
            Topic(subject: "Sync stopped working", description: "Changes made on the laptop no longer appear on my phone; it says syncing forever."),
        ],
        "billing": [
            Topic(subject: "Invoice shows the wrong VAT number", description: "Our company VAT number on last month's invoice is missing a digit."),
            Topic(subject: "Upgrade plan mid-cycle", description: "How is the price calculated if we upgrade to the team plan in the middle of the month?"),
        ],
        "complaint": [
            Topic(subject: "Delivery was three days late", description: "The parcel arrived three days after the promised date and the box was damaged."),
        ],
        "feature_request": [
            Topic(subject: "Dark mode for the web app", description: "It would be great to have a dark theme; working late the white pages are tiring."),
        ],
        "bug_report": [
            Topic(subject: "Search ignores accented letters", description: "Searching for Chloé finds nothing, while Chloe finds the record."),
        ],
        "general": [
            Topic(subject: "Question about opening hours", description: "Is the support line open on public holidays, and until what time?"),
            Topic(subject: "Where can I find the user guide?", description: "I cannot find the manual for the new version anywhere on the website."),
        ],
        "other": [
            Topic(subject: "Partnership enquiry", description: "We run a travel blog and would like to talk about a partnership."),
        ],
    ]

    static let customerFollowUps = [
        "Any news on this? It is still happening today.",
        "I attached a screenshot of the error message in my previous email.",
        "Thanks, that worked! Everything looks fine now.",
        "Sorry, it happened again this morning around nine.",
    ]

    static let agentReplies = [
        "Thanks for reaching out. Could you tell me which version of the app you are using?",
        "I have checked your account and corrected the setting; please try again.",
        "We are aware of the issue and our engineers are working on a fix.",
        "I have issued a refund; it should appear on your statement within five days.",
    ]

    static let internalNotes = [
        "Customer is on the enterprise plan; keep the account manager informed.",
        "Looks like the known sync bug, linked to the engineering ticket.",
        "Second contact this week about the same problem.",
    ]
}
