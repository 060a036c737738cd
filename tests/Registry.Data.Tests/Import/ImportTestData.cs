using System.Text;
using Registry.Data.Abstractions;
using Registry.Data.Import;

namespace Registry.Data.Tests.Import;

internal static class ImportTestData
{
    public static MemoryStream Utf8(string text, bool bom = false)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return new MemoryStream(bom ? [0xEF, 0xBB, 0xBF, .. bytes] : bytes);
    }

    public static async Task<List<ImportCandidate>> ReadAllAsync(IImportReader reader, Stream input)
    {
        var list = new List<ImportCandidate>();
        await foreach (var c in reader.ReadAsync(input)) list.Add(c);
        return list;
    }

    public static Task<List<ImportCandidate>> CsvAsync(string text, bool bom = false) =>
        ReadAllAsync(new CsvImportReader(), Utf8(text, bom));

    public static Task<List<ImportCandidate>> JsonLinesAsync(string text) =>
        ReadAllAsync(new JsonLinesImportReader(), Utf8(text));

    /// <summary>A minimal valid JSON line.</summary>
    public static string Line(string code, string title = "Nghiên cứu giống chè mới", string extra = "") =>
        $$"""{"code":"{{code}}","title":"{{title}}","kind":"researchProject","fields":["401"]{{extra}}}""";

    /// <summary>JSON Lines with <paramref name="count"/> valid rows.</summary>
    public static string Lines(int count, string prefix = "ĐT-T") =>
        string.Join("\n", Enumerable.Range(1, count).Select(i => Line($"{prefix}-{i:D4}")));

    /// <summary>A stream that refuses to seek, like an HTTP request body.</summary>
    public sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
