import Domain

/// The executable specification of the `Notifier` port: run `cases` against every adapter with
/// `@Test(arguments: NotifierContract.cases)`, one fresh notifier per case.
public enum NotifierContract {
    /// Every case, in a stable order.
    public static let cases: [NotifierContractCase] = fieldCases + textCases + concurrencyCases + redeliveryCases + failureCases + classificationCases
}
