import Foundation
import LabCore
import Testing

@testable import Sandbox

@Suite struct LumaDemoDataTests {
  @Test func theCommittedDatasetsAreTheGeneratorsOutput() throws {
    let demo = LumaDemoData(seed: LumaDemoData.defaultSeed)
    let folder = URL(fileURLWithPath: SandboxFixture.lumaPath)
    for dataset in demo.datasets {
      let file = folder.appendingPathComponent(dataset.folder).appendingPathComponent(
        "records.ndjson")
      let committed = try String(contentsOf: file, encoding: .utf8)
      let generated = dataset.records.map { $0.serialized() + "\n" }.joined()
      #expect(committed == generated, "\(dataset.folder): run 'aep-lab dev luma' to rewrite it")
    }
  }

  @Test func aSeedAlwaysGivesTheSameDataAndAnotherSeedOtherPeople() {
    let first = LumaDemoData(seed: 7).datasets.map { $0.records }
    let again = LumaDemoData(seed: 7).datasets.map { $0.records }
    let variant = LumaDemoData(seed: LumaDemoData.variantSeed).datasets[2].records
    #expect(first == again)
    #expect(variant != LumaDemoData(seed: LumaDemoData.defaultSeed).datasets[2].records)
  }

  @Test func theDataHasAThousandCRMCustomersAndEveryNamedProduct() {
    let demo = LumaDemoData(seed: LumaDemoData.defaultSeed)
    let crm = demo.datasets.first { $0.schema.name == LumaDatasets.crmProfiles.name }
    #expect(crm?.records.count == 1000)
    let viewed = Set(
      demo.datasets[0].records.compactMap {
        $0["productListItems"]?.arrayValue?.first?["name"]?.stringValue
      })
    for name in [
      "Montana Wind Jacket", "Nadia Elements Shell", "Proteus Fitness Jackshirt (Orange)",
      "Cassia Funnel Sweatshirt",
    ] {
      #expect(viewed.contains(name), "\(name)")
    }
    #expect(demo.datasets.allSatisfy { !$0.records.isEmpty })
  }

  @Test func everyDemoRecordIsAccepted() throws {
    let sandbox = try SandboxFixture.sandbox()
    let report = try sandbox.ingest(LumaDemoData(seed: LumaDemoData.variantSeed).datasetRecords)
    #expect(report.committed)
    #expect(report.rejected == 0)
  }
}
