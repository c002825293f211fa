import Foundation
import LabCore

/// The Luma catalogue: the products the demo data and the simulated site know, with the ones
/// module 3 names among them.
public enum LumaCatalog {
  /// Every product, by category.
  public static let products: [LumaProduct] = [
    // Men
    product("Montana Wind Jacket", "Men", 99),
    product("Proteus Fitness Jackshirt (Orange)", "Men", 45),
    product("Kenobi Trail Jacket", "Men", 47),
    product("Hyperion Elements Jacket", "Men", 51),
    product("Jupiter All-Weather Trainer", "Men", 56.99),
    product("Chaz Kangeroo Hoodie", "Men", 52),
    product("Teton Pullover Hoodie", "Men", 70),
    product("Marco Lightweight Active Hoodie", "Men", 74),
    product("Gobi HeatTec Tee", "Men", 29),
    product("Caesar Warm-Up Pant", "Men", 35),
    // Women
    product("Nadia Elements Shell", "Women", 69),
    product("Cassia Funnel Sweatshirt", "Women", 48),
    product("Stellar Solar Jacket", "Women", 75),
    product("Juno Jacket", "Women", 77),
    product("Adrienne Trek Jacket", "Women", 57),
    product("Olivia 1/4 Zip Light Jacket", "Women", 77),
    product("Selene Yoga Hoodie", "Women", 42),
    product("Iris Workout Top", "Women", 29),
    product("Breathe-Easy Tank", "Women", 34),
    product("Ida Workout Parachute Pant", "Women", 48),
    // Gear
    product("Fusion Backpack", "Gear", 59),
    product("Sprite Yoga Strap", "Gear", 14),
    product("Affirm Water Bottle", "Gear", 7),
    product("Quest Lumaflex Band", "Gear", 19),
  ]

  /// The site's pages besides product pages.
  public static let pages = ["Home", "Men", "Women", "Gear", "Sale", "Register", "Login", "Cart"]

  /// The product whose name or SKU is `text` (case and surrounding spaces ignored).
  public static func product(named text: String) -> LumaProduct? {
    let wanted = text.trimmingCharacters(in: .whitespaces).lowercased()
    return products.first { $0.name.lowercased() == wanted || $0.sku.lowercased() == wanted }
  }

  /// Up to three product names close to `text`, for a "did you mean".
  public static func suggestions(for text: String) -> [String] {
    let wanted = text.lowercased()
    let containing = products.filter { $0.name.lowercased().contains(wanted) }.map(\.name)
    if !containing.isEmpty { return Array(containing.prefix(3)) }
    if let name = Suggestion.closest(to: text, in: products.map(\.name)) { return [name] }
    // A misspelt word of a name ("jackett") still finds the products with that word.
    let words = Set(
      products.flatMap { $0.name.lowercased().split(separator: " ").map(String.init) })
    guard let word = Suggestion.closest(to: wanted, in: words) else { return [] }
    return Array(
      products.filter { $0.name.lowercased().split(separator: " ").contains(Substring(word)) }
        .map(\.name).prefix(3))
  }

  /// The SKU made from a product name's initials: "Montana Wind Jacket" is `LM-MWJ`.
  public static func sku(for name: String) -> String {
    let initials = name.split(separator: " ").compactMap { word in
      word.first.flatMap { $0.isLetter ? Character($0.uppercased()) : nil }
    }
    return "LM-" + String(initials)
  }

  private static func product(_ name: String, _ category: String, _ price: Double) -> LumaProduct {
    LumaProduct(sku: sku(for: name), name: name, category: category, price: price)
  }
}
