/// Every list: `{ "items": [...], "nextCursor": ... }` (`null` on the last page).
struct ListResponse<Item: Encodable & Sendable>: Encodable, Sendable {
    let items: [Item]
    @Nullable var nextCursor: String?
}
