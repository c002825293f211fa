import ArgumentParser
import LabCore
import Sandbox

extension AEPLab {
  /// `aep-lab site products`: the Luma catalogue.
  struct SiteProducts: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "products",
      abstract: "List the Luma catalogue: SKU, name, category and price.",
      discussion: "Example: aep-lab site products")

    @OptionGroup var output: FormatOptions

    func run() {
      let console = Console.current
      if output.format == .json {
        let value: JSONValue = .array(
          LumaCatalog.products.map {
            [
              "SKU": .string($0.sku), "name": .string($0.name),
              "category": .string($0.category), "price": .number($0.price),
            ]
          })
        console.line(value.serialized(pretty: true))
        return
      }
      var table = TextTable(headers: ["SKU", "NAME", "CATEGORY", "PRICE"])
      for product in LumaCatalog.products {
        table.append([product.sku, product.name, product.category, "€\(product.price)"])
      }
      console.write(table.rendered(console: console))
    }
  }
}
