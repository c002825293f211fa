import ArgumentParser
import LabCLI

/// The executable's entry point: everything else lives in LabCLI.
@main
struct Entrypoint {
  static func main() async {
    await AEPLab.main()
  }
}
