import Domain

/// The executable specification of the `FileStore` port: run `cases` against every adapter with
/// `@Test(arguments: FileStoreContract.cases)`, one fresh store per case.
public enum FileStoreContract {
    /// Every case, in a stable order.
    public static let cases: [FileStoreContractCase] =
        roundTripCases + overwriteCases + missingCases + deleteCases + metadataCases + keyCases
        + failingBodyCases + concurrencyCases + outageCases
}
