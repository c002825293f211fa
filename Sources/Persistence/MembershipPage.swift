import Foundation
import Segmentation

/// The packed form of one page of a segment's memberships: the profiles whose keys share
/// `key >> 10`, a few bytes each.
///
/// A page is a run of entries in ascending key order. Each entry is the key's distance from
/// the previous one (from the page's first key for the first entry) as a variable-length
/// integer, then a tag byte: the status (0 realized, 1 existing, 2 exited), plus 4 when the
/// qualification time follows as a variable-length integer. Without that flag the time is the
/// segment's last job time, kept once per segment; so a job that changes nothing rewrites no
/// page, and a membership is about three bytes.
enum MembershipPage {
  /// Keys per page, as a power of two.
  static let shift: Int64 = 10

  /// The page holding `key`.
  static func number(of key: Int64) -> Int64 { key >> shift }

  /// The first key of page `page`.
  static func firstKey(of page: Int64) -> Int64 { page << shift }

  /// The entries `range` of `list` (all on page `page`), packed; `evaluatedAt` is the time
  /// an entry leaves out.
  static func encode(
    _ list: SegmentMemberList, _ range: Range<Int>, page: Int64, evaluatedAt: Int64
  ) -> Data {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(range.count * 3)
    var previous = firstKey(of: page)
    for index in range {
      let key = list.keys[index]
      let membership = list.memberships[index]
      appendVarint(UInt64(key - previous), to: &bytes)
      previous = key
      let status = UInt8(statusCode(membership.status))
      if membership.lastQualificationTime == evaluatedAt {
        bytes.append(status)
      } else {
        bytes.append(status | 4)
        appendVarint(zigzag(membership.lastQualificationTime), to: &bytes)
      }
    }
    return Data(bytes)
  }

  /// Calls `body` with each entry of the packed page `data`; `nil` when the bytes are not a
  /// page (a damaged state file).
  static func decode(
    _ data: Data, page: Int64, evaluatedAt: Int64,
    _ body: (Int64, SegmentMembership) -> Void
  ) -> Void? {
    data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Void? in
      var offset = 0
      var key = firstKey(of: page)
      let end = firstKey(of: page + 1)
      while offset < raw.count {
        guard let distance = readVarint(raw, &offset), offset < raw.count else { return nil }
        key += Int64(truncatingIfNeeded: distance)
        let tag = raw[offset]
        offset += 1
        guard key < end, tag & ~7 == 0, let status = status(tag & 3) else { return nil }
        var time = evaluatedAt
        if tag & 4 != 0 {
          guard let value = readVarint(raw, &offset) else { return nil }
          time = unzigzag(value)
        }
        body(key, SegmentMembership(status: status, lastQualificationTime: time))
      }
      return ()
    }
  }

  private static func statusCode(_ status: SegmentMembership.Status) -> Int {
    switch status {
    case .realized: return 0
    case .existing: return 1
    case .exited: return 2
    }
  }

  private static func status(_ code: UInt8) -> SegmentMembership.Status? {
    switch code {
    case 0: return .realized
    case 1: return .existing
    case 2: return .exited
    default: return nil
    }
  }

  private static func appendVarint(_ value: UInt64, to bytes: inout [UInt8]) {
    var rest = value
    while rest >= 0x80 {
      bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
      rest >>= 7
    }
    bytes.append(UInt8(rest))
  }

  private static func readVarint(_ raw: UnsafeRawBufferPointer, _ offset: inout Int) -> UInt64? {
    var value: UInt64 = 0
    var shift: UInt64 = 0
    while offset < raw.count, shift < 64 {
      let byte = raw[offset]
      offset += 1
      value |= UInt64(byte & 0x7f) << shift
      if byte < 0x80 { return value }
      shift += 7
    }
    return nil
  }

  private static func zigzag(_ value: Int64) -> UInt64 {
    UInt64(bitPattern: (value << 1) ^ (value >> 63))
  }

  private static func unzigzag(_ value: UInt64) -> Int64 {
    Int64(bitPattern: value >> 1) ^ -Int64(bitPattern: value & 1)
  }
}
