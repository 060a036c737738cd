using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Registry.Data.Store;

/// <summary>
/// One prepared statement stepped once per row on a SQLite connection's own handle, with values bound by position
/// exactly as Microsoft.Data.Sqlite binds them (SqliteValueBinder): text as UTF-8 text, integers and booleans as
/// 64-bit integers, doubles as reals, DateOnly as "yyyy-MM-dd" text, a Guid as upper-case text, null as NULL. Used inside the caller's open
/// transaction by <see cref="BulkInsert"/>; only for columns whose provider type <see cref="Binds"/> accepts.
/// </summary>
internal static class RawSqlite
{
    public static bool Binds(Type type) =>
        (Nullable.GetUnderlyingType(type) ?? type) is var t
        && (t == typeof(string) || t == typeof(long) || t == typeof(int) || t == typeof(short) || t == typeof(byte)
            || t == typeof(bool) || t == typeof(double) || t == typeof(DateOnly) || t == typeof(Guid));

    /// <param name="value">The provider value of (row, column), or <see cref="DBNull"/>.</param>
    /// <returns>The rowid of each inserted row (the key of a table with an INTEGER PRIMARY KEY), in row order.</returns>
    public static long[] Insert(sqlite3 db, string sql, int columns, int rows, Func<int, int, object> value)
    {
        var rowIds = new long[rows];
        Check(db, raw.sqlite3_prepare_v2(db, sql, out var statement));
        using (statement)
        {
            if (raw.sqlite3_bind_parameter_count(statement) != columns)
                throw new InvalidOperationException($"Expected {columns} parameters in: {sql}");
            for (var r = 0; r < rows; r++)
            {
                for (var c = 0; c < columns; c++) Check(db, Bind(statement, c + 1, value(r, c)));
                var rc = raw.sqlite3_step(statement);
                if (rc != raw.SQLITE_DONE)
                {
                    // The error (a constraint, a full disk) is the statement's; reset it before throwing.
                    raw.sqlite3_reset(statement);
                    Check(db, rc);
                }
                // A trigger's own inserts do not change it once the statement is done.
                rowIds[r] = raw.sqlite3_last_insert_rowid(db);
                Check(db, raw.sqlite3_reset(statement));
            }
        }
        return rowIds;
    }

    private static int Bind(sqlite3_stmt statement, int index, object value) => value switch
    {
        DBNull => raw.sqlite3_bind_null(statement, index),
        string text => raw.sqlite3_bind_text(statement, index, text),
        long n => raw.sqlite3_bind_int64(statement, index, n),
        int n => raw.sqlite3_bind_int64(statement, index, n),
        short n => raw.sqlite3_bind_int64(statement, index, n),
        byte n => raw.sqlite3_bind_int64(statement, index, n),
        bool b => raw.sqlite3_bind_int64(statement, index, b ? 1L : 0L),
        double d when !double.IsNaN(d) => raw.sqlite3_bind_double(statement, index, d),
        DateOnly date => raw.sqlite3_bind_text(statement, index, date.ToString(@"yyyy\-MM\-dd", CultureInfo.InvariantCulture)),
        Guid guid => raw.sqlite3_bind_text(statement, index, guid.ToString().ToUpperInvariant()),
        _ => throw new InvalidOperationException($"No direct SQLite binding for {value.GetType().Name} (parameter {index})"),
    };

    private static void Check(sqlite3 db, int rc)
    {
        if (rc is not (raw.SQLITE_OK or raw.SQLITE_DONE or raw.SQLITE_ROW)) SqliteException.ThrowExceptionForRC(rc, db);
    }
}
