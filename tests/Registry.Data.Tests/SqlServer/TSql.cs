using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Registry.Data.Tests.SqlServer;

/// <summary>Parses T-SQL the way SQL Server 2022 would (ScriptDom, TSql160), without a server.</summary>
public static class TSql
{
    /// <summary>Splits a script into batches on <c>GO</c> lines, as sqlcmd and SSMS do.</summary>
    public static IReadOnlyList<string> SplitBatches(string script) =>
        System.Text.RegularExpressions.Regex.Split(script, @"^\s*GO\s*$", System.Text.RegularExpressions.RegexOptions.Multiline | System.Text.RegularExpressions.RegexOptions.IgnoreCase)
            .Where(b => !string.IsNullOrWhiteSpace(b))
            .ToList();

    public static IReadOnlyList<string> Errors(string batch)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(batch);
        parser.Parse(reader, out var errors);
        return errors.Select(e => $"line {e.Line}: {e.Message}").ToList();
    }
}
