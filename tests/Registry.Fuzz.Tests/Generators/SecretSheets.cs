using System.Text;
using CsCheck;
using Registry.EndToEnd.Tests.Infrastructure;

namespace Registry.Fuzz.Tests.Generators;

/// <summary>A one-row workbook whose "Độ mật" cell holds a secret level, plainly or hidden by cell order or a repeated reference.</summary>
public static class SecretSheets
{
    private static readonly string[] Columns = ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K"];

    public static byte[] Workbook(string code, string title, string level, Hiding hiding)
    {
        var values = ImportFiles.CsvRow(code, title).Split(',');
        values[7] = "Ông " + code;
        values[10] = level;
        var cells = Enumerable.Range(0, 11).Select(i => Cell(Columns[i] + "2", values[i])).ToList();
        var unclassified = Cell("K2", "Không");
        var row = hiding switch
        {
            Hiding.CellOrder => Enumerable.Reverse(cells),
            Hiding.RepeatedAfter => cells.Append(unclassified),
            Hiding.RepeatedBefore => cells.Take(10).Append(unclassified).Append(cells[10]),
            _ => cells,
        };
        return HostileSpreadsheets.Zip(HostileSpreadsheets.Rows(string.Concat(row)), null);
    }

    private static string Cell(string reference, string value) =>
        $"<c r=\"{reference}\" t=\"inlineStr\"><is><t>{HostileSpreadsheets.Escape(value)}</t></is></c>";
}

/// <summary>Looks for a marker everywhere a secret could have gone.</summary>
public static class Leaks
{
    public static void AssertNowhere(string marker, string response, IEnumerable<string> logLines, string dataDirectory)
    {
        if (response.Contains(marker, StringComparison.Ordinal)) throw new InvalidOperationException($"the response echoes the secret's marker: {Infrastructure.ResponseChecks.Clip(response)}");
        var logged = logLines.FirstOrDefault(l => l.Contains(marker, StringComparison.Ordinal));
        if (logged is not null) throw new InvalidOperationException($"a log line holds the secret's marker: {Infrastructure.ResponseChecks.Clip(logged)}");
        var file = Registry.EndToEnd.Tests.Infrastructure.DataFiles.FindContaining(dataDirectory, marker);
        if (file is not null) throw new InvalidOperationException($"{Path.GetRelativePath(dataDirectory, file)} in the data directory holds the secret's marker");
    }
}
