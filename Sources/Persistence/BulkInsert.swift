import GRDB
import GRDBSQLite

/// A prepared INSERT bound through SQLite's C API, for ingesting millions of rows.
///
/// GRDB's argument arrays box every value; an ingest writes a row per record, identity and link,
/// so this binds integers and text directly and steps the statement.
struct BulkInsert {
  let statement: Statement
  private var column: Int32 = 0

  init(_ db: Database, sql: String) throws {
    statement = try db.cachedStatement(sql: sql)
  }

  private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

  mutating func bind(_ value: Int64) {
    column += 1
    sqlite3_bind_int64(statement.sqliteStatement, column, value)
  }

  mutating func bind(_ value: Int) { bind(Int64(value)) }

  mutating func bind(_ value: String) {
    column += 1
    var text = value
    text.withUTF8 { bytes in
      _ = bytes.withMemoryRebound(to: CChar.self) { chars in
        sqlite3_bind_text(
          statement.sqliteStatement, column, chars.baseAddress, Int32(chars.count), Self.transient)
      }
    }
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
    sqlite3_bind_null(statement.sqliteStatement, column)
  }

  /// Runs the statement with the bound values and gets ready for the next row.
  mutating func step(_ db: Database) throws {
    let handle = statement.sqliteStatement
    let code = sqlite3_step(handle)
    sqlite3_reset(handle)
    sqlite3_clear_bindings(handle)
    column = 0
    guard code == SQLITE_DONE else {
      throw DatabaseError(
        resultCode: ResultCode(rawValue: code),
        message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
    }
  }
}
