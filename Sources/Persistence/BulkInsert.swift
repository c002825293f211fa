import GRDB
import GRDBSQLite

/// An INSERT of many rows bound through SQLite's C API, for ingesting millions of rows.
///
/// GRDB's argument arrays box every value; an ingest writes a row per record and identity, so
/// this binds integers and text directly. Rows go in groups of ``groupSize`` per statement
/// (`VALUES (...), (...), ...`): SQLite then runs one statement, and keeps its place in the
/// table, for 32 rows instead of one. Announce the rows with ``expect(_:)`` before binding
/// them, then bind each row's columns in order and end it with ``endRow()``.
struct BulkInsert {
  /// Rows per statement.
  static let groupSize = 32

  private let db: Database
  private let prefix: String
  private let placeholders: String
  private var statements: [Int: Statement] = [:]
  private var statement: Statement?
  private var column: Int32 = 0
  private var rowInGroup = 0
  private var groupRows = 0
  private var remaining = 0

  /// An insert into `table`'s `columns`.
  init(_ db: Database, into table: String, columns: [String]) {
    self.db = db
    prefix = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
    placeholders = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
  }

  /// Announces that `count` more rows follow (between whole groups only).
  mutating func expect(_ count: Int) throws {
    precondition(rowInGroup == 0, "rows announced in the middle of a group")
    remaining += count
    if statement == nil, remaining > 0 { try startGroup() }
  }

  private mutating func startGroup() throws {
    groupRows = min(remaining, Self.groupSize)
    if let cached = statements[groupRows] {
      statement = cached
    } else {
      let sql = prefix + Array(repeating: placeholders, count: groupRows).joined(separator: ", ")
      let prepared = try db.makeStatement(sql: sql)
      statements[groupRows] = prepared
      statement = prepared
    }
    column = 0
    rowInGroup = 0
  }

  private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

  private var handle: OpaquePointer? { statement?.sqliteStatement }

  mutating func bind(_ value: Int64) {
    column += 1
    sqlite3_bind_int64(handle, column, value)
  }

  mutating func bind(_ value: Int) { bind(Int64(value)) }

  mutating func bind(_ value: String) {
    column += 1
    var text = value
    text.withUTF8 { bytes in
      _ = bytes.withMemoryRebound(to: CChar.self) { chars in
        sqlite3_bind_text(handle, column, chars.baseAddress, Int32(chars.count), Self.transient)
      }
    }
  }

  /// Binds UTF-8 `text` (copied: it may be gone before the group runs).
  mutating func bind(text: UnsafeBufferPointer<UInt8>) {
    column += 1
    _ = text.withMemoryRebound(to: CChar.self) { chars in
      sqlite3_bind_text(handle, column, chars.baseAddress, Int32(chars.count), Self.transient)
    }
  }

  /// Binds `bytes` as a BLOB (copied).
  mutating func bind(blob bytes: UnsafeBufferPointer<UInt8>) {
    column += 1
    _ = sqlite3_bind_blob(handle, column, bytes.baseAddress, Int32(bytes.count), Self.transient)
  }

  mutating func bind(_ value: String?) {
    guard let value else { return bindNull() }
    bind(value)
  }

  mutating func bind(_ value: Int64?) {
    guard let value else { return bindNull() }
    bind(value)
  }

  private mutating func bindNull() {
    column += 1
    sqlite3_bind_null(handle, column)
  }

  /// Ends a row; runs the statement when its group is complete.
  mutating func endRow() throws {
    rowInGroup += 1
    remaining -= 1
    guard rowInGroup == groupRows, let handle else { return }
    let code = sqlite3_step(handle)
    // Every row binds every column again, so the old bindings need no clearing.
    sqlite3_reset(handle)
    guard code == SQLITE_DONE else {
      throw DatabaseError(
        resultCode: ResultCode(rawValue: code),
        message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
    }
    statement = nil
    rowInGroup = 0
    if remaining > 0 { try startGroup() }
  }
}
