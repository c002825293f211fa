/// A product of the Luma catalogue: what a product view sends in `productListItems`.
public struct LumaProduct: Sendable, Hashable {
  /// The stock-keeping unit, such as `LM-MWJ`.
  public var sku: String
  /// The product name as the site shows it, such as "Montana Wind Jacket".
  public var name: String
  /// The site category: `Men`, `Women` or `Gear`.
  public var category: String
  /// The price in euros.
  public var price: Double

  /// Creates a product.
  public init(sku: String, name: String, category: String, price: Double) {
    self.sku = sku
    self.name = name
    self.category = category
    self.price = price
  }
}
