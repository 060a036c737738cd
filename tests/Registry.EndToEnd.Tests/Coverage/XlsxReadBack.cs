using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using ExcelDataReader;

namespace Registry.EndToEnd.Tests.Coverage;

/// <summary>
/// Reads a workbook back with ExcelDataReader, a reader that shares nothing with the Open XML SDK that wrote it, and
/// validates the package against the Office schemas with the SDK's validator.
/// </summary>
internal static class XlsxReadBack
{
    /// <summary>ExcelDataReader asks for Windows-1252 even for .xlsx; .NET has it only through the code-pages provider.</summary>
    static XlsxReadBack() => System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);

    /// <summary>Sheet name → rows → cell values (string, double or null), in sheet order.</summary>
    public static List<(string Name, List<object?[]> Rows)> Read(byte[] xlsx)
    {
        var sheets = new List<(string, List<object?[]>)>();
        using var stream = new MemoryStream(xlsx);
        using var reader = ExcelReaderFactory.CreateOpenXmlReader(stream);
        do
        {
            var rows = new List<object?[]>();
            while (reader.Read())
            {
                var row = new object?[reader.FieldCount];
                for (var i = 0; i < row.Length; i++) row[i] = reader.GetValue(i);
                rows.Add(row);
            }
            sheets.Add((reader.Name, rows));
        } while (reader.NextResult());
        return sheets;
    }

    public static List<string> ValidationErrors(byte[] xlsx)
    {
        using var stream = new MemoryStream(xlsx);
        using var document = SpreadsheetDocument.Open(stream, false);
        return new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
    }
}
