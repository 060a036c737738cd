using Microsoft.Data.Sqlite;
using Registry.Data.Records;

namespace Registry.Search.Tests.Relevance;

/// <summary>
/// The baseline a team would reach for first: SQLite FTS5 with <c>unicode61 remove_diacritics 2</c>, BM25 with
/// the same column weights as ours (title 6, keywords 4, summary 2, other text 1): every typed word required
/// (<see cref="Search"/>), or any of them (<c>any: true</c>, FTS5's <c>OR</c>).
/// </summary>
public sealed class Fts5Baseline : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public Fts5Baseline(IEnumerable<TaskRecord> records)
    {
        _connection.Open();
        Execute("CREATE VIRTUAL TABLE tasks USING fts5(id UNINDEXED, title, keywords, summary, body, tokenize='unicode61 remove_diacritics 2')");
        using var transaction = _connection.BeginTransaction();
        using var insert = _connection.CreateCommand();
        insert.CommandText = "INSERT INTO tasks (id, title, keywords, summary, body) VALUES ($id, $title, $keywords, $summary, $body)";
        var parameters = new[] { "$id", "$title", "$keywords", "$summary", "$body" }.Select(n => insert.Parameters.Add(n, SqliteType.Text)).ToArray();
        foreach (var r in records)
        {
            parameters[0].Value = r.Id;
            parameters[1].Value = r.Title ?? "";
            parameters[2].Value = string.Join(" ; ", r.Keywords ?? []);
            // The plain summary shares the summary's column (weight 2), as it shares its part in our engines.
            parameters[3].Value = string.Join(" ", new[] { r.Summary, r.PlainSummary }.Where(s => s is not null));
            parameters[4].Value = string.Join(" ", new[] { r.Code, r.Objectives, r.HostOrganization?.Name, r.HostOrganization?.Province, r.ManagingAgency, r.PrincipalInvestigator?.Name }.Where(s => s is not null));
            insert.ExecuteNonQuery();
        }
        transaction.Commit();
    }

    /// <summary>Each whitespace-separated word becomes a quoted FTS5 string (so user text cannot break the syntax).</summary>
    /// <param name="limit">At most this many ids; negative for all matches.</param>
    public IReadOnlyList<string> Search(string query, int limit, bool any = false)
    {
        var terms = query.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => "\"" + w.Replace("\"", "\"\"") + "\"");
        var match = string.Join(any ? " OR " : " ", terms);
        if (match.Length == 0) return [];
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT id FROM tasks WHERE tasks MATCH $q ORDER BY bm25(tasks, 0, 6, 4, 2, 1) LIMIT $limit";
        command.Parameters.AddWithValue("$q", match);
        command.Parameters.AddWithValue("$limit", limit);
        var ids = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read()) ids.Add(reader.GetString(0));
        return ids;
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose() => _connection.Dispose();
}
